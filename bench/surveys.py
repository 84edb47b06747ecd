"""Survey submissions per second, and reading a figure from counters versus a GROUP BY.

Run: .venv/bin/python bench/surveys.py     (about ten minutes; writes bench/results/surveys.md)

Runs itself once on a throw-away SQLite file and once on PostgreSQL (BENCH_POSTGRES_URL,
default postgres://postgres@127.0.0.1:5432/waymark_bench; the database is dropped and made
again, so never point it at real data). In each:
- recording: responses.record_response() for random valid answers to the research survey,
  from one process, then from BENCH_PROCESSES (4) processes at once, each with its own database
  connection: the token and the waiting response in one transaction, as the last survey
  page runs it. Afterwards every response is counted: none lost, none twice;
- settling: the hour is over (a burst, far above the rate: held), the day released; the
  counters are then compared with a recount of every stored response;
- over HTTP: gunicorn (gunicorn.conf.py defaults) on the same database; BENCH_PEOPLE people
  each walk the "Motivation to change" survey to its last page (not timed), then all send
  their answers over BENCH_CONNECTIONS connections at once (timed); then a tenth of them send
  again, all at once, as after a reload: nothing more may be recorded;
- figures: BENCH_ROWS (default 1,000,000) responses bulk-inserted directly, the counters set
  to match, then figures.live_figure() timed against the GROUP BY over the JSON answers that
  it replaces.
"""

import http.client
import json
import multiprocessing
import os
import platform
import queue
import random
import re
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "surveys.md"
POSTGRES_URL = os.environ.get(
    "BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/waymark_bench"
)
ROWS = int(os.environ.get("BENCH_ROWS", "1000000"))
SUBMISSIONS = int(os.environ.get("BENCH_SUBMISSIONS", "4000"))
PROCESSES = int(os.environ.get("BENCH_PROCESSES", "4"))
PEOPLE = int(os.environ.get("BENCH_PEOPLE", "2000"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
ROUNDS = 3
PORT = 8741
SURVEY = "help-us-help-you"
QUESTION = "q-before-thoughts"
WALKED = "motivation-to-change"
# The needed answers of each page of "Motivation to change"; the others are left empty.
WALK_ANSWERS = {1: {"q-sought-help": "no"}, 3: {"q-want-to-stop": "9"}}
LAST_PAGE_ANSWERS = {"q-help-wanted": "anonymous-chat"}


def random_answers(survey, rng: random.Random) -> dict:
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


def record_many(count: int, seed: int, start, done) -> None:
    """One submitter process: waits for the start, then records `count` responses."""
    from django.db import connections

    from waymark.surveys.definitions import get_survey
    from waymark.surveys.responses import new_token, record_response

    connections.close_all()  # never the parent's connection
    survey = get_survey(SURVEY)
    rng = random.Random(seed)
    batch = [random_answers(survey, rng) for _ in range(count)]
    start.wait()
    for answers in batch:
        assert record_response(survey, "en", answers, new_token())
    connections.close_all()
    done.put(time.perf_counter())


def recorded_per_second(total: int, processes: int) -> float:
    from django.db import connections

    connections.close_all()
    context = multiprocessing.get_context("fork")
    start, done = context.Event(), context.Queue()
    workers = [
        context.Process(target=record_many, args=(total // processes, seed, start, done))
        for seed in range(processes)
    ]
    for worker in workers:
        worker.start()
    time.sleep(1)  # every process has set up its answers
    began = time.perf_counter()
    start.set()
    for worker in workers:
        worker.join(600)
        assert worker.exitcode == 0, f"a submitter failed ({worker.exitcode})"
    ended = max(done.get(timeout=10) for _ in workers)
    return (total // processes) * processes / (ended - began)


def recount(survey) -> tuple[Counter, Counter]:
    from waymark.surveys.answers import counted
    from waymark.surveys.models import Response

    questions: Counter = Counter()
    pairs: Counter = Counter()
    for answers in Response.objects.filter(survey_id=survey.id).values_list("answers", flat=True):
        asked, chosen = counted(survey, answers)
        questions.update(asked)
        pairs.update(chosen)
    return questions, pairs


def stored_counts(survey_id: str) -> tuple[Counter, Counter]:
    from waymark.surveys.models import AnswerCount, QuestionCount

    questions = Counter(
        dict(
            QuestionCount.objects.filter(survey_id=survey_id).values_list(
                "question_id", "respondents"
            )
        )
    )
    pairs = Counter(
        {
            (q, a): n
            for q, a, n in AnswerCount.objects.filter(survey_id=survey_id).values_list(
                "question_id", "answer_id", "count"
            )
        }
    )
    return +questions, +pairs


class Person:
    """One visitor over HTTP: their cookies, and their last page ready to send."""

    def __init__(self) -> None:
        self.cookies: dict[str, str] = {}
        self.csrf = ""
        self.last_page = ""
        self.token = ""

    def request(self, conn, method: str, path: str, fields: dict | None = None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if fields is not None:
            body = urllib.parse.urlencode({"csrfmiddlewaretoken": self.csrf, **fields}, True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        text = response.read().decode()
        for cookie in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = cookie.partition("=")
            self.cookies[name] = rest.split(";", 1)[0]
        return response.status, response.headers.get("Location", ""), text

    def walk(self, conn) -> None:
        """Consent, then each page's needed answers, up to the last page and its token."""
        _, _, consent = self.request(conn, "GET", f"/en/surveys/{WALKED}/")
        self.csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', consent).group(1)
        _, location, _ = self.request(conn, "POST", f"/en/surveys/{WALKED}/start/", {})
        while True:
            _, _, page = self.request(conn, "GET", location)
            found = re.search(r'name="submission" value="([^"]+)"', page)
            if found:
                self.last_page, self.token = location, found.group(1)
                return
            number = int(location.rstrip("/").rsplit("/", 1)[1])
            fields = {"action": "next", **WALK_ANSWERS.get(number, {})}
            _, location, _ = self.request(conn, "POST", location, fields)

    def send(self, conn) -> str:
        fields = {"action": "next", "submission": self.token, **LAST_PAGE_ANSWERS}
        status, location, _ = self.request(conn, "POST", self.last_page, fields)
        return f"{status} {location}"


def each_over_connections(people: list[Person], action) -> list:
    """`action(person, connection)` for every person, over CONNECTIONS keep-alive connections."""
    work: queue.Queue = queue.Queue()
    for person in people:
        work.put(person)
    results: list = []

    def run() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=120)
        while True:
            try:
                person = work.get_nowait()
            except queue.Empty:
                break
            results.append(action(person, conn))
        conn.close()

    threads = [threading.Thread(target=run) for _ in range(CONNECTIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def over_http(database_url: str, data_dir: str) -> dict:
    from waymark.surveys.models import UsedSubmission, WaitingResponse

    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "WAYMARK_DATA_DIR": data_dir,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DEBUG": "false",
        "WAYMARK_BIND": f"127.0.0.1:{PORT}",
    }
    app = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "-c", "gunicorn.conf.py", "waymark.wsgi"],
        cwd=ROOT,
        env=env,
    )
    try:
        for _ in range(200):
            try:
                http.client.HTTPConnection("127.0.0.1", PORT, timeout=1).request("GET", "/en/")
                break
            except OSError:
                time.sleep(0.1)
        people = [Person() for _ in range(PEOPLE)]
        began = time.perf_counter()
        each_over_connections(people, Person.walk)
        walk_seconds = time.perf_counter() - began
        rows_before = WaitingResponse.objects.count()
        tokens_before = UsedSubmission.objects.count()

        began = time.perf_counter()
        answers = each_over_connections(people, Person.send)
        send_seconds = time.perf_counter() - began
        thanks = f"302 /en/surveys/{WALKED}/thanks/"
        assert Counter(answers) == {thanks: PEOPLE}, Counter(answers).most_common(3)
        again = each_over_connections(people[::10], Person.send)
        assert Counter(again) == {thanks: len(people[::10])}, Counter(again).most_common(3)
        added = WaitingResponse.objects.count() - rows_before
        tokens = UsedSubmission.objects.count() - tokens_before
    finally:
        app.terminate()
        app.wait(30)
    assert added == tokens == PEOPLE, (added, tokens, PEOPLE)
    return {
        "http_people": PEOPLE,
        "http_walk_seconds": walk_seconds,
        "http_per_second": PEOPLE / send_seconds,
        "http_added": added,
    }


def child(database_url: str) -> dict:
    data_dir = tempfile.mkdtemp(prefix="waymark-bench-")
    os.environ["DATABASE_URL"] = database_url
    os.environ["WAYMARK_DATA_DIR"] = data_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "waymark.settings")
    sys.path.insert(0, str(ROOT))
    from waymark.env import use_fresh_secrets

    use_fresh_secrets()
    if database_url.startswith("postgres"):
        recreate_postgres(database_url)

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.db.models import Count
    from django.db.models.fields.json import KT
    from django.utils import timezone

    from waymark.surveys import intake
    from waymark.surveys.definitions import get_survey
    from waymark.surveys.figures import live_figure
    from waymark.surveys.models import (
        AnswerCount,
        QuestionCount,
        Response,
        UsedSubmission,
        WaitingResponse,
    )

    call_command("migrate", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)
    survey = get_survey(SURVEY)

    # Rounds, because the shared machine's load changes from minute to minute.
    sequential = [recorded_per_second(SUBMISSIONS // 4, 1) for _ in range(ROUNDS)]
    concurrent = [recorded_per_second(SUBMISSIONS, PROCESSES) for _ in range(ROUNDS)]
    submitted = ROUNDS * (SUBMISSIONS // 4 + (SUBMISSIONS // PROCESSES) * PROCESSES)
    waiting = WaitingResponse.objects.filter(survey_id=SURVEY).count()
    assert waiting == UsedSubmission.objects.count() == submitted, (waiting, submitted)

    later = timezone.now() + timedelta(hours=1)
    began = time.perf_counter()
    intake.settle(survey, later)
    settle_seconds = time.perf_counter() - began
    [(day, held)] = intake.held_batches(survey)
    began = time.perf_counter()
    released = intake.release(survey, day)
    release_seconds = time.perf_counter() - began
    assert held == released == submitted == Response.objects.count(), (held, released)
    exact = stored_counts(SURVEY) == recount(survey)
    assert exact

    http_results = over_http(database_url, data_dir)

    # A million responses, inserted directly, with counters set to match.
    Response.objects.all().delete()
    WaitingResponse.objects.all().delete()
    AnswerCount.objects.all().delete()
    QuestionCount.objects.all().delete()
    pairs: Counter = Counter()
    questions: Counter = Counter()
    rng = random.Random(7)
    started = time.perf_counter()
    chunk = 20_000
    for first in range(0, ROWS, chunk):
        rows = []
        for _ in range(min(chunk, ROWS - first)):
            answers = random_answers(survey, rng)
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
        "submitted": submitted,
        "settle_seconds": settle_seconds,
        "release_per_second": released / release_seconds,
        "exact": exact,
        **http_results,
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


def spread(rates: list[float]) -> str:
    return f"{statistics.median(rates):,.0f} (best {max(rates):,.0f})"


def main() -> None:
    results = []
    load = os.getloadavg()
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
        f"Measured {time.strftime('%Y-%m-%d')} with `.venv/bin/python bench/surveys.py` "
        f"(BENCH_ROWS={ROWS:,}, BENCH_SUBMISSIONS={SUBMISSIONS}, BENCH_PROCESSES={PROCESSES}, "
        f"BENCH_PEOPLE={PEOPLE}, BENCH_CONNECTIONS={CONNECTIONS}). Machine: "
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, Python "
        f"{platform.python_version()}; load average {load[0]:.1f} when it started (the machine "
        "is shared: other engineers' tests ran alongside). The load generator, gunicorn and "
        "the database share the same 2 cores.",
        "",
        "Recording: `record_response()` (token and waiting response in one transaction), "
        f"{SUBMISSIONS // 4} random answer sets from 1 process, then {SUBMISSIONS} from "
        f"{PROCESSES} processes at once, {ROUNDS} rounds of each: the median and the best "
        "round. Every response was then found exactly once "
        "(responses = tokens = submissions). Settling: the hour's responses, a burst far "
        "above the rate, held in one statement; the day then released into the counters, "
        "which were compared with a recount of every stored response.",
        "",
        "| database | recorded/s (1 process) | recorded/s "
        f"({PROCESSES} processes) | held in | released/s | counters = recount |",
        "|---|---|---|---|---|---|",
    ]
    for r in results:
        lines.append(
            f"| {r['vendor']} | {spread(r['sequential'])} | {spread(r['concurrent'])} | "
            f"{r['settle_seconds'] * 1000:,.0f} ms ({r['submitted']:,}) | "
            f"{r['release_per_second']:,.0f} | {'yes' if r['exact'] else 'NO'} |"
        )
    lines += [
        "",
        f"Over HTTP: gunicorn (gunicorn.conf.py: 4 workers) on the same database; {PEOPLE} "
        "people walked the survey to its last page (not timed), then sent their answers over "
        f"{CONNECTIONS} keep-alive connections at once: each send is the whole last request "
        "(session read and written, page checked, response recorded, redirect). Then a "
        "tenth of them sent again at once: nothing more was recorded.",
        "",
        "| database | sends/s over HTTP | recorded | walking to the last page |",
        "|---|---|---|---|",
    ]
    for r in results:
        lines.append(
            f"| {r['vendor']} | {r['http_per_second']:,.0f} | {r['http_added']:,} of "
            f"{r['http_people']:,} | {r['http_walk_seconds']:.0f} s |"
        )
    lines += [
        "",
        "Figures: median of 200 `live_figure()` calls (the survey's settled hours checked, "
        "then two indexed counter rows) against the median of 3 runs of the GROUP BY over the "
        "JSON answers of the same responses.",
        "",
        "| database | responses | bulk insert | live_figure | GROUP BY | ratio |",
        "|---|---|---|---|---|---|",
    ]
    for r in results:
        lines.append(
            f"| {r['vendor']} | {r['rows']:,} | {r['insert_seconds']:.0f} s | "
            f"{r['figure_ms']:.2f} ms | {r['group_ms']:.0f} ms | "
            f"{r['group_ms'] / r['figure_ms']:,.0f} times |"
        )
    lines += [
        "",
        "A submission writes two rows that no other submission touches (its token and its "
        "waiting response) and reads nothing: each process looks once an hour for hours to "
        "settle. Counters change only when an hour is settled or a held day released, under "
        "the survey's counting lock, for all of that hour's responses at once. SQLite takes "
        "one writer at a time, so its rate is one short transaction after another; "
        "PostgreSQL runs the submitters side by side. Over HTTP the last request also reads "
        "and writes the person's sealed session (a second commit on SQLite), which costs "
        "more than the recording itself.",
        "",
        "History: until 2026-12-04 every submission updated the question totals and answer "
        "counters in its own transaction: 159 (SQLite) and 110 (PostgreSQL) submissions per "
        "second from one thread, 176 and 138 from four; before the totals were locked in one "
        "order, four threads on PostgreSQL made 13 per second (deadlocks). On 2026-12-02 "
        "SQLite moved from WAL to a rollback journal, so that no deleted row lingers in a "
        "`-wal` file beside the database.",
    ]
    RESULTS.write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        print(json.dumps(child(sys.argv[2])))
    else:
        main()
