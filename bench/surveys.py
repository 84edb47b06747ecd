"""Survey submissions per second, and reading a figure from counters versus a GROUP BY.

Run: .venv/bin/python bench/surveys.py     (a few minutes; writes bench/results/surveys.md)

Runs itself once on a throw-away SQLite file and once on PostgreSQL (BENCH_POSTGRES_URL,
default postgres://postgres@127.0.0.1:5432/waymark_bench; the database is dropped and made
again, so never point it at real data). In each:
- submissions: responses.record_response() for random valid answers to the research survey,
  one at a time and from 4 threads at once: the response row, its token and its counters
  in one transaction, as the last survey page runs it;
- figures: BENCH_ROWS (default 1,000,000) responses bulk-inserted directly, the counters set
  to match, then figures.live_figure() timed against the GROUP BY over the JSON answers that
  it replaces.
"""

import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "surveys.md"
POSTGRES_URL = os.environ.get(
    "BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/waymark_bench"
)
ROWS = int(os.environ.get("BENCH_ROWS", "1000000"))
SUBMISSIONS = 1000
THREADS = 4
SURVEY = "help-us-help-you"
QUESTION = "q-before-thoughts"


def child(database_url: str) -> dict:
    os.environ["DATABASE_URL"] = database_url
    os.environ["WAYMARK_DATA_DIR"] = tempfile.mkdtemp(prefix="waymark-bench-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "waymark.settings")
    sys.path.insert(0, str(ROOT))
    from waymark.env import use_fresh_secrets

    use_fresh_secrets()
    if database_url.startswith("postgres"):
        recreate_postgres(database_url)

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, connections
    from django.db.models import Count
    from django.db.models.fields.json import KT

    from waymark.surveys.definitions import get_survey
    from waymark.surveys.figures import live_figure
    from waymark.surveys.models import AnswerCount, QuestionCount, Response
    from waymark.surveys.responses import new_token, record_response

    call_command("migrate", verbosity=0)
    survey = get_survey(SURVEY)
    rng = random.Random(7)

    def random_answers() -> dict:
        answers = {}
        for question in survey.questions:
            if question.is_text or rng.random() < 0.2:
                continue
            if question.type == "multiple":
                chosen = sorted(rng.sample(question.answer_ids, rng.randint(1, 3)))
                answers[question.id] = {"chosen": chosen}
            else:
                answers[question.id] = {"chosen": rng.choice(question.answer_ids)}
        return answers

    batch = [random_answers() for _ in range(SUBMISSIONS)]
    started = time.perf_counter()
    for answers in batch:
        record_response(survey, "en", answers, new_token())
    sequential = SUBMISSIONS / (time.perf_counter() - started)

    def worker(part: list[dict]) -> None:
        for answers in part:
            record_response(survey, "en", answers, new_token())
        connections.close_all()

    threads = [threading.Thread(target=worker, args=(batch[i::THREADS],)) for i in range(THREADS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    concurrent = SUBMISSIONS / (time.perf_counter() - started)

    # A million responses, inserted directly, with counters set to match.
    Response.objects.all().delete()
    AnswerCount.objects.all().delete()
    QuestionCount.objects.all().delete()
    pairs: Counter = Counter()
    questions: Counter = Counter()
    started = time.perf_counter()
    chunk = 20_000
    for first in range(0, ROWS, chunk):
        rows = []
        for _ in range(min(chunk, ROWS - first)):
            answers = random_answers()
            for question_id, answer in answers.items():
                questions[question_id] += 1
                chosen = answer["chosen"]
                for answer_id in chosen if isinstance(chosen, list) else [chosen]:
                    pairs[(question_id, answer_id)] += 1
            rows.append(Response(survey_id=SURVEY, language="en", month="2025-01", answers=answers))
        Response.objects.bulk_create(rows, batch_size=5000)
    insert_seconds = time.perf_counter() - started
    AnswerCount.objects.bulk_create(
        AnswerCount(survey_id=SURVEY, question_id=q, answer_id=a, count=n, published=n)
        for (q, a), n in pairs.items()
    )
    QuestionCount.objects.bulk_create(
        QuestionCount(survey_id=SURVEY, question_id=q, respondents=n, published_respondents=n)
        for q, n in questions.items()
    )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    figure_times = []
    for _ in range(200):
        started = time.perf_counter()
        figure = live_figure(SURVEY, QUESTION, "yes")
        figure_times.append(time.perf_counter() - started)
    group_times = []
    for _ in range(3):
        started = time.perf_counter()
        grouped = dict(
            Response.objects.filter(survey_id=SURVEY)
            .annotate(answer=KT(f"answers__{QUESTION}__chosen"))
            .values_list("answer")
            .annotate(n=Count("id"))
            .values_list("answer", "n")
        )
        group_times.append(time.perf_counter() - started)
    total = sum(n for answer, n in grouped.items() if answer is not None)
    assert figure.respondents == (total // 10) * 10, (figure, total)
    return {
        "vendor": connection.vendor,
        "sequential": sequential,
        "concurrent": concurrent,
        "rows": Response.objects.count(),
        "insert_seconds": insert_seconds,
        "figure_ms": statistics.median(figure_times) * 1000,
        "group_ms": statistics.median(group_times) * 1000,
        "figure": f"{figure.percent} % of {figure.respondents}",
    }


def recreate_postgres(url: str) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def main() -> None:
    results = []
    for url in [
        "sqlite:///" + tempfile.mkdtemp(prefix="waymark-bench-") + "/bench.sqlite3",
        POSTGRES_URL,
    ]:
        output = subprocess.run(
            [sys.executable, __file__, "--child", url],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        results.append(json.loads(output.strip().splitlines()[-1]))
    lines = [
        "# Survey submissions and figures",
        "",
        f"Command: `.venv/bin/python bench/surveys.py` (BENCH_ROWS={ROWS:,}). "
        f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}.",
        "",
        "Submissions: `record_response()` (token, response row, counters in one transaction), "
        f"{SUBMISSIONS} random answer sets to the research survey, one at a time and from "
        f"{THREADS} threads. Figures: median of 200 `live_figure()` calls (two indexed rows "
        "of counters) against the median of 3 runs of the GROUP BY over the JSON answers of "
        "the same responses.",
        "",
        "| database | submissions/s (1 thread) | submissions/s (4 threads) | responses | "
        "bulk insert | live_figure | GROUP BY | ratio |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        lines.append(
            f"| {r['vendor']} | {r['sequential']:.0f} | {r['concurrent']:.0f} | {r['rows']:,} | "
            f"{r['insert_seconds']:.0f} s | {r['figure_ms']:.2f} ms | {r['group_ms']:.0f} ms | "
            f"{r['group_ms'] / r['figure_ms']:,.0f} times |"
        )
    lines += [
        "",
        "Reading a figure costs the same at any number of responses: it reads two counter "
        "rows by their unique index. The GROUP BY grows with the responses. SQLite takes one "
        "writer at a time, so threads do not add submissions per second there; PostgreSQL "
        "runs them side by side, limited by the counter rows they all update.",
        "",
    ]
    RESULTS.write_text("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        print(json.dumps(child(sys.argv[2])))
    else:
        main()
