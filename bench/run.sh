#!/usr/bin/env bash
# Every benchmark in bench/, each writing its table to bench/results/ (`make bench`).
#   scrub.py    a few seconds; needs nothing more
#   unlock.py   about half a minute; needs nothing more (up to 4 x 64 MiB of memory at once)
#   surveys.py  a few minutes; SQLite, and PostgreSQL at BENCH_POSTGRES_URL (that database is
#               dropped and made again: never point it at real data)
#   pages.py    about a minute; needs nginx and wrk (apt-get install nginx wrk)
# A benchmark whose server or tools are missing is skipped, and the reason printed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
python=.venv/bin/python
postgres="${BENCH_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/waymark_bench}"
skipped=()

run() {
  echo "== bench/$1 =="
  "$python" "bench/$1"
}

run scrub.py
run unlock.py
if command -v pg_isready >/dev/null && pg_isready -q -d "$postgres"; then
  run surveys.py
else
  skipped+=("surveys.py: no PostgreSQL answers at $postgres (set BENCH_POSTGRES_URL)")
fi
if command -v nginx >/dev/null && command -v wrk >/dev/null; then
  run pages.py
else
  skipped+=("pages.py: needs nginx and wrk (apt-get install nginx wrk)")
fi
for reason in "${skipped[@]}"; do
  echo "skipped $reason"
done
