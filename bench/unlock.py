"""Unlocking under attack, against the production server as docs/deploy.md runs it.

Run: .venv/bin/python bench/unlock.py      (about a minute; writes bench/results/unlock.md)

1. One unlock at a time: the Argon2id derivation and the unwrap (workspaces.unlock()).
2. 50 wrong passphrases sent at once from 50 clients while a person opens their workspace
   with the right one from another client.
3. The worst case a flooder can make: 50 clients open the flooder's own workspace at once
   (each a full derivation) while the person opens theirs. A person told "busy" tries again
   half a second later, as the busy page asks.
For 2 and 3: how long the person waited until their workspace opened, how many of the flood
were told "busy" at once, reading pages meanwhile, and the peak memory of all server processes.
"""

import http.cookiejar
import os
import platform
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = Path(tempfile.mkdtemp(prefix="waymark-bench-unlock-"))
os.environ["WAYMARK_DATA_DIR"] = str(DATA)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "waymark.settings")

from waymark.env import use_fresh_secrets  # noqa: E402

use_fresh_secrets()

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402

from waymark.workspace import passphrase, workspaces  # noqa: E402

SEQUENTIAL = 20
FLOOD = 50
RETRY_AFTER = 0.5
WRONG = "abacus abdomen abdominal abide abiding ablaze able"
HEADER = (
    f"| {FLOOD} clients at once, and a person opening their own workspace "
    '| the person\'s workspace open after | the flood told "busy" at once '
    "| slowest page read meanwhile | peak memory, all server processes |\n|---|---|---|---|---|"
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Client:
    """A browser: its own cookies, the form's CSRF token, a passphrase sent by POST."""

    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
            _NoRedirect(),
        )

    def get(self, path: str) -> tuple[int, str]:
        try:
            with self.opener.open(self.base + path, timeout=60) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def open_workspace(self, phrase: str) -> int:
        _status, page = self.get("/en/workspace/open/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "passphrase": phrase})
        request = urllib.request.Request(  # noqa: S310 - the benchmark's own server
            self.base + "/en/workspace/open/",
            data=body.encode(),
            headers={"Origin": self.base, "Content-Type": "application/x-www-form-urlencoded"},
        )
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def server_memory_mib(pid: int) -> float:
    """Resident memory of the gunicorn master and its workers."""
    total = 0
    for child in [pid, *_children(pid)]:
        try:
            status = Path(f"/proc/{child}/status").read_text()
        except FileNotFoundError:
            continue
        total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
    return total / 1024


def _children(pid: int) -> list[int]:
    found = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in found.read_text().split()] if found.exists() else []


def start_server(port: int) -> subprocess.Popen:
    env = {**os.environ, "ALLOWED_HOSTS": "127.0.0.1", "WAYMARK_BIND": f"127.0.0.1:{port}"}
    env.pop("DEBUG", None)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    server = subprocess.Popen(
        [gunicorn, "-c", "gunicorn.conf.py", "waymark.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(300):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/health/", timeout=2)
            return server
        except OSError:
            time.sleep(0.1)
    raise SystemExit("the server did not start")


def attack(base: str, server_pid: int, flood_phrase: str, person_phrase: str) -> dict:
    """The flood and the person at the same moment; pages read meanwhile."""
    flooders = [Client(base) for _ in range(FLOOD)]
    for flooder in flooders:
        flooder.get("/en/workspace/open/")
    person, reader = Client(base), Client(base)
    results: list[int] = []
    gate = threading.Barrier(FLOOD + 1)
    peak = [server_memory_mib(server_pid)]
    done = threading.Event()
    page_times: list[float] = []

    def flood(client: Client) -> None:
        gate.wait()
        results.append(client.open_workspace(flood_phrase))

    def watch() -> None:
        while not done.is_set():
            peak.append(server_memory_mib(server_pid))
            start = time.perf_counter()
            reader.get("/en/help/")
            page_times.append(time.perf_counter() - start)
            time.sleep(0.05)

    threads = [threading.Thread(target=flood, args=(f,)) for f in flooders]
    watcher = threading.Thread(target=watch)
    watcher.start()
    for thread in threads:
        thread.start()
    gate.wait()
    start = time.perf_counter()
    tries = 1
    while person.open_workspace(person_phrase) != 302:
        tries += 1
        time.sleep(RETRY_AFTER)
    waited = time.perf_counter() - start
    for thread in threads:
        thread.join()
    done.set()
    watcher.join()
    return {
        "waited": waited,
        "tries": tries,
        "busy": results.count(503),
        "answered": len(results),
        "peak": max(peak),
        "slowest_page": max(page_times) if page_times else 0.0,
    }


def main() -> None:
    call_command("migrate", verbosity=0)
    person_phrase, flood_phrase = passphrase.generate(), passphrase.generate()
    for phrase in (person_phrase, flood_phrase):
        workspaces.keep(workspaces.new_workspace(), phrase)
    one_at_a_time = []
    for _ in range(SEQUENTIAL):
        start = time.perf_counter()
        assert workspaces.unlock(person_phrase) is not None
        one_at_a_time.append(time.perf_counter() - start)

    port = free_port()
    server = start_server(port)
    base = f"http://127.0.0.1:{port}"
    try:
        idle = server_memory_mib(server.pid)
        wrong = attack(base, server.pid, WRONG, person_phrase)
        own = attack(base, server.pid, flood_phrase, person_phrase)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)

    workers = int(os.environ.get("WAYMARK_WORKERS", "4"))
    threads = int(os.environ.get("WAYMARK_THREADS", "4"))
    argon = settings.WAYMARK_ARGON2_MEMORY_KIB // 1024
    line = settings.WAYMARK_KDF_WORKERS + settings.WAYMARK_KDF_QUEUE

    def outcome(name: str, result: dict) -> str:
        return (
            f"| {name} | {result['waited']:.2f} s ({result['tries']} "
            f"{'try' if result['tries'] == 1 else 'tries'}) | {result['busy']} of "
            f"{result['answered']} | {result['slowest_page'] * 1000:.0f} ms | "
            f"{result['peak']:.0f} MiB |"
        )

    report = f"""# Unlock benchmark

Command: `.venv/bin/python bench/unlock.py` (writes this file). Run on {time.strftime("%Y-%m-%d")}.

Machine: {platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} CPUs,
load average {os.getloadavg()[0]:.1f} when it ended.
Argon2id: {argon} MiB, {settings.WAYMARK_ARGON2_ITERATIONS} iterations,
{settings.WAYMARK_ARGON2_LANES} lane(s). Server: gunicorn as docs/deploy.md runs it,
{workers} workers x {threads} threads; per worker a derivation line of
{settings.WAYMARK_KDF_WORKERS} running + {settings.WAYMARK_KDF_QUEUE} waiting
(waymark/web/derivations.py), so at most {workers * line} derivations are accepted at once
and {workers * settings.WAYMARK_KDF_WORKERS} x {argon} MiB run at once.

One unlock at a time ({SEQUENTIAL} runs): median {statistics.median(one_at_a_time):.3f} s,
slowest {max(one_at_a_time):.3f} s (target: at most 1 s).

{HEADER}
{outcome("wrong passphrases", wrong)}
{outcome("the flooder's own workspace (a full derivation each)", own)}

The server used {idle:.0f} MiB before the floods. A wrong passphrase finds no workspace and is
answered without a derivation, so a flood of guesses takes no place in the line. A person told
"busy" tries again {RETRY_AFTER} s later.
"""
    out = ROOT / "bench" / "results" / "unlock.md"
    out.write_text(report)
    print(report)


if __name__ == "__main__":
    main()
