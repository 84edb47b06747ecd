"""Scrubbing time for free text written to make the address patterns read it over and over.

Run: .venv/bin/python bench/scrub.py        (a few seconds; writes bench/results/scrub.md)

Each input is as long as a long free-text answer may be (LONG_TEXT_MAX characters): a short
piece repeated, or the program's own English text for comparison. scrub() runs RUNS times on
each; the table gives the median and the slowest run. Pure: needs no settings or database.
"""

import os
import platform
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from waymark.surveys.definitions import LONG_TEXT_MAX  # noqa: E402
from waymark.surveys.scrub import scrub  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "scrub.md"
RUNS = 15
TARGET_MS = 50
ONION_V3 = "vww6ybal4bd7szmgncyruucpgfkqahzddi37ktceo3ah7ngmcopnpyyd"

# Pieces that each kept one pattern or another busy: dotted labels with no top-level domain at
# the end, names with no "@" after them, spelled-out dots and "at"s, long runs of one character.
PIECES = [
    "a.",
    "1.",
    "a-a.",
    "a",
    "a@",
    "a dot ",
    "a at b dot ",
    "1.1.1.",
    "-",
    ".",
    " ",
    "a-",
    "a.a.a.a-",
    "a1.",
    "a%",
    "a+",
    "a_",
    "www.",
    "dot ",
    "a [dot] ",
    "a (dot) ",
    "a[.]",
    "a [ . ] ",
    "a.-",
    "a-.",
    "a. ",
    "a .a ",
    "a.b ",
    "a.a@",
    "a@a.",
    "a dot b at ",
    "a at ",
    "abcdefghijklmnop.",
    "abcdefghijklmnop dot ",
    "ab:",
    "a:/",
    "a\uff0e",
    "a\u3002",
    "a.\n",
]


def repeated(piece: str) -> str:
    return (piece * (LONG_TEXT_MAX // len(piece) + 1))[:LONG_TEXT_MAX]


def program_text() -> str:
    chapters = sorted((ROOT / "content" / "en" / "chapters").glob("*/*.md"))
    return "\n".join(path.read_text() for path in chapters)[:LONG_TEXT_MAX]


def inputs() -> list[tuple[str, str]]:
    mixed = f"see https://example.com/a, mail anna.b@example.com, {ONION_V3}.onion, a.b.c "
    return [
        ("the program's English text", program_text()),
        ("addresses of every kind, repeated", repeated(mixed)),
        ("`'x' * 56 + ' '` repeated: words as long as an onion name", repeated("x" * 56 + " ")),
        *((f"`{piece!r}` repeated", repeated(piece)) for piece in PIECES),
    ]


def timings(text: str) -> list[float]:
    """Milliseconds each of RUNS scrubs of the text took."""
    runs = []
    for _ in range(RUNS):
        start = time.perf_counter()
        scrub(text)
        runs.append((time.perf_counter() - start) * 1000)
    return runs


def main() -> None:
    rows = [(name, timings(text)) for name, text in inputs()]
    rows.sort(key=lambda row: statistics.median(row[1]), reverse=True)
    worst_name, worst = rows[0]
    lines = [
        "# Scrubbing survey free text",
        "",
        f"Command: `.venv/bin/python bench/scrub.py` (writes this file). Measured {date.today()}.",
        "",
        f"Machine: {platform.platform()}, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs.",
        "",
        f"Each input is {LONG_TEXT_MAX:,} characters, the most a long free-text answer takes; "
        f"`scrub()` ran {RUNS} times on each. Slowest first.",
        "",
        "| input | median | slowest run |",
        "|---|---|---|",
        *(
            f"| {name} | {statistics.median(runs):.2f} ms | {max(runs):.2f} ms |"
            for name, runs in rows
        ),
        "",
        f"- Slowest: {worst_name}, median {statistics.median(worst):.2f} ms. "
        f"Target: under {TARGET_MS} ms for any input.",
        "- Before the patterns were made linear (as of commit eb83745; median of 3 runs):",
        "  `'a.'` and `'1.'` repeated took about 1.9 s each, `'1.1.1.'` 1.7 s, `'a.a.a.a-'`",
        "  1.5 s, `'a-a.'` 1.4 s, `'a1.'` 1.0 s; 24 of these 42 inputs took over 50 ms.",
        "",
    ]
    RESULTS.write_text("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
