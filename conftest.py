"""Fixtures every test may use: fast hashing, plain static files, and a real browser.

Browser tests drive Debian's Chromium with JavaScript off against a live server. Every
request a page makes is recorded, and a test fails at its end if any left the site's own
origin. `axe_check(page)` scans the page a person is looking at with axe-core.
"""

import html
import io
import json
import logging
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import translation

# The sync Playwright API runs an event loop in the test thread; the ORM must still work.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parent
CHROMIUM = "/usr/bin/chromium"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
IN_CI = os.environ.get("CI", "").lower() == "true"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def require(available: bool, what: str) -> None:
    """On a laptop a missing tool skips with one line; in CI it fails the run."""
    if available:
        return
    if IN_CI:
        pytest.fail(f"{what} is missing, and CI must run every test.")
    pytest.skip(f"{what} is not installed here.")


@pytest.fixture(autouse=True)
def _test_settings(settings):
    # Each test starts in English: a request to /fi/ in one test must not leak into the next.
    translation.activate(settings.LANGUAGE_CODE)
    # Rendered pages and survey figures are cached per process: each test starts without them.
    cache.clear()
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def fast_kdf(settings):
    """For stories about something else than the key derivation itself."""
    settings.WAYMARK_ARGON2_MEMORY_KIB = 8 * 1024
    settings.WAYMARK_ARGON2_ITERATIONS = 1


STAFF_PASSWORD = "a long staff password 1"  # noqa: S105 - the test staff's password


@dataclass
class StaffMember:
    user: object
    device: object
    password: str = STAFF_PASSWORD

    def code(self, offset: int = 0) -> str:
        """The code the member's authenticator app shows now (or `offset` seconds away)."""
        from django_otp.oath import TOTP

        device = self.device
        totp = TOTP(device.secret, device.step, device.t0, device.digits, device.drift)
        totp.time = time.time() + offset
        return f"{totp.token():0{device.digits}d}"

    def sign_in(self, client, code: str | None = None, password: str | None = None):
        if code is None:
            # A code is accepted once; a story that signs in again waits for the next one.
            type(self.device).objects.filter(pk=self.device.pk).update(last_t=-1)
        return client.post(
            reverse("staff-login"),
            {
                "username": self.user.get_username(),
                "password": password or self.password,
                "code": code or self.code(),
            },
        )


@pytest.fixture
def make_staff(db, fast_kdf, monkeypatch):
    """Creates staff members as an operator does, with `manage.py create_staff_user`."""
    from django.core.management import call_command

    from waymark.staff.models import TOTPDevice

    def make(name: str, *teams: str, superuser: bool = False) -> StaffMember:
        monkeypatch.setenv("WAYMARK_TEST_STAFF_PASSWORD", STAFF_PASSWORD)
        flags = {"research": "--researcher", "counsel": "--counsellor", "operator": "--operator"}
        arguments = [flags[team] for team in teams] + (["--superuser"] if superuser else [])
        call_command(
            "create_staff_user",
            name,
            *arguments,
            "--password-env",
            "WAYMARK_TEST_STAFF_PASSWORD",
            stdout=io.StringIO(),
        )
        device = TOTPDevice.objects.get(user__username=name)
        return StaffMember(device.user, device)

    return make


@pytest.fixture
def full_derivation_pool(settings):
    """The key-derivation line of this process, full: one derivation running, none waiting.

    As when a flood of passphrases has taken every place. Leaving the block frees it.
    """
    from contextlib import contextmanager

    from waymark.web import derivations

    settings.WAYMARK_KDF_WORKERS, settings.WAYMARK_KDF_QUEUE = 1, 0

    @contextmanager
    def held():
        release, started = threading.Event(), threading.Event()

        def occupy():
            started.set()
            release.wait(30)

        runner = threading.Thread(target=derivations.derive, args=(occupy,))
        runner.start()
        started.wait(5)
        try:
            yield
        finally:
            release.set()
            runner.join(5)

    return held


@pytest.fixture(scope="session")
def browser():
    require(Path(CHROMIUM).exists(), "Chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def assert_same_origin(urls: list[str], origin: str) -> None:
    own = urlsplit(origin)
    foreign = [
        url
        for url in urls
        if not url.startswith("data:")
        and (urlsplit(url).scheme, urlsplit(url).netloc) != (own.scheme, own.netloc)
    ]
    assert not foreign, f"requests left the site's origin: {foreign}"


@pytest.fixture
def page(django_db_setup, browser, live_server, transactional_db):
    """A tab with JavaScript off. `page.requests` lists every URL it asked for.

    The test database comes first, so that at the end the browser and the live server (whose
    threads may hold a database connection) stop before the database is dropped.
    """
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    tab.requests = []
    tab.on("request", lambda request: tab.requests.append(request.url))
    tab.base_url = live_server.url
    yield tab
    context.close()
    _wait_for_live_server_requests()
    assert_same_origin(tab.requests, live_server.url)


def _wait_for_live_server_requests(seconds: float = 5.0) -> None:
    """Lets the live server's request threads finish once the tab is gone.

    Each thread keeps its database connection until its socket closes; one still closing
    when the test database is flushed or dropped would hold it open.
    """
    deadline = time.monotonic() + seconds
    for thread in threading.enumerate():
        if thread.name.endswith("(process_request_thread)"):
            thread.join(max(0.0, deadline - time.monotonic()))


@pytest.fixture
def axe_check(browser):
    """Scans what the given JS-off tab shows, in a JS-on twin with the same cookies.

    axe-core needs JavaScript; the site itself never does. The twin bypasses the site's CSP
    only to inject axe, which is read from node_modules on this machine.
    """
    require(AXE.exists(), "axe-core (npm ci)")

    def check(tab, url: str | None = None) -> None:
        # A click returns once the next page is committed, not parsed; scan it whole.
        tab.wait_for_load_state()
        context = browser.new_context(
            java_script_enabled=True, bypass_csp=True, storage_state=tab.context.storage_state()
        )
        try:
            twin = context.new_page()
            if url is None:
                # Exactly what the person sees, also after a POST that re-showed a form with
                # its errors: the tab's own HTML, served to the twin at the same address.
                html, here = tab.content(), tab.url.split("#")[0]
                twin.route(
                    lambda address: address.split("#")[0] == here,
                    lambda route: route.fulfill(
                        status=200, content_type="text/html; charset=utf-8", body=html
                    ),
                )
            twin.goto(url or tab.url)
            twin.add_script_tag(path=str(AXE))
            result = twin.evaluate(
                "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
            )
            violations = [
                {
                    "id": v["id"],
                    "help": v["help"],
                    "nodes": [n["target"] for n in v["nodes"]][:5],
                }
                for v in result["violations"]
            ]
            assert not violations, json.dumps(violations, indent=1)
        finally:
            context.close()

    return check


# A person's work, through the real session and workspace: shared by the workspace stories,
# the operator page, the secret-key rotation and the site-wide walks.
PASSPHRASE_ON_PAGE = re.compile(r'<p class="passphrase" id="passphrase">([^<]+)</p>')


def answer(client, kind: str, record_id: str, value: dict) -> None:
    """Write through store_for on a request carrying this client's own session."""
    from waymark.workspace.store import store_for

    request = RequestFactory().get("/")
    request.session = client.session
    store_for(request).put(kind, record_id, value)
    request.session.save()
    client.cookies["wm_session"] = request.session.session_key


def read(client, kind: str) -> dict:
    from waymark.workspace.store import store_for

    request = RequestFactory().get("/")
    request.session = client.session
    return store_for(request).all(kind)


def keep_work(client) -> str:
    """Take a passphrase as a person does: ask for it, read it, type it back."""
    client.post(reverse("workspace:save"))
    shown = client.get(reverse("workspace:save")).text
    phrase = html.unescape(PASSPHRASE_ON_PAGE.search(shown).group(1))
    response = client.post(reverse("workspace:passphrase-confirm"), {"passphrase": phrase})
    assert response.status_code == 302, response.text
    return phrase


def person_with_a_saved_workspace(wrote: str):
    """A person who answered an exercise and noted a moment in the diary, writing `wrote`
    in each, kept their work, wrote to a counsellor and shared the exercise with them:
    (their client, their passphrase). Every page and form is theirs to reach."""
    from django.urls import reverse

    from waymark.diary.tests.helpers import NEW, entry_form

    person = Client()
    person.post("/en/exercise/ex5-yourself/answer/", {"q5-describe": wrote})
    person.post(NEW, entry_form(person, thoughts=wrote))
    phrase = keep_work(person)
    a_counsellor_exists()
    person.post(reverse("counsel:write"), {"text": wrote})
    person.post(reverse("counsel:share"), {"item": "ex5-yourself"})
    return person, phrase


def a_counsellor_exists() -> StaffMember:
    """As after `create_staff_user --counsellor`: the counselling team has its key."""
    from unittest import mock

    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from waymark.staff.models import TOTPDevice

    if not get_user_model().objects.filter(username="walk-counsellor").exists():
        with mock.patch.dict(os.environ, {"WAYMARK_WALK_PASSWORD": STAFF_PASSWORD}):
            call_command(
                "create_staff_user",
                "walk-counsellor",
                "--counsellor",
                "--password-env",
                "WAYMARK_WALK_PASSWORD",
                stdout=io.StringIO(),
            )
    device = TOTPDevice.objects.get(user__username="walk-counsellor")
    return StaffMember(device.user, device)


def signed_in_counsellor() -> Client:
    """The counsellor who holds the team key, signed in with password and code."""
    counsellor = Client()
    assert a_counsellor_exists().sign_in(counsellor).status_code == 302
    return counsellor


def dump_database(skip: tuple[str, ...] = ()) -> str:
    """Every value in every table as one lower-case text: what a copy of the database shows.

    Blobs appear three ways (UTF-8, Latin-1 and hex) so that nothing hides in an encoding.
    """
    from django.db import connection

    lines = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            if table in skip:
                continue
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            for row in cursor.fetchall():
                for value in row:
                    if isinstance(value, bytes | memoryview):
                        raw = bytes(value)
                        lines += [raw.decode("utf-8", "replace"), raw.decode("latin-1"), raw.hex()]
                    else:
                        lines.append(str(value))
    return "\n".join(lines).lower()


@pytest.fixture
def database_dump():
    return dump_database


@pytest.fixture
def server_env(tmp_path):
    """The whole environment of a Waymark process that a test starts, as docs/deploy.md sets
    it: secrets of its own and a data folder not yet made; nothing else of this machine's."""
    from waymark.env import fresh_secrets

    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "waymark.settings",
        "WAYMARK_DATA_DIR": str(tmp_path / "data"),
        **fresh_secrets(),
    }


@pytest.fixture
def run_waymark(server_env):
    """Runs `python <args>` in the repository with server_env, changed by the keywords given:
    `run_waymark("manage.py", "migrate", DATABASE_URL=...)`. Returns the finished process."""

    def run(*args: str, **changes: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, *args],
            cwd=ROOT,
            env={**server_env, **changes},
            capture_output=True,
            text=True,
            timeout=120,
        )

    return run


PRODUCTION_HOST = "help.example.org"
GUNICORN = [str(Path(sys.executable).parent / "gunicorn"), "-c", "gunicorn.conf.py", "waymark.wsgi"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def production_server(server_env, run_waymark, tmp_path):
    """The production server as docs/deploy.md starts it, on a free port and a data folder of
    its own, answering to PRODUCTION_HOST and 127.0.0.1; and a function that stops it and
    returns every line it logged."""
    port = free_port()
    changes = {
        "ALLOWED_HOSTS": f"{PRODUCTION_HOST},127.0.0.1",
        "WAYMARK_BIND": f"127.0.0.1:{port}",
        "WAYMARK_WORKERS": "2",
    }
    env = {**server_env, **changes}
    for command in (["migrate"], ["collectstatic", "--noinput"]):
        prepared = run_waymark("manage.py", *command, "--verbosity", "0", **changes)
        assert prepared.returncode == 0, prepared.stderr
    log_path = tmp_path / "server.log"
    with log_path.open("wb") as log:
        server = subprocess.Popen(GUNICORN, cwd=ROOT, env=env, stdout=log, stderr=log)
    try:
        _wait_until_healthy(port, server)

        def stop() -> list[str]:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
            return log_path.read_text(errors="replace").splitlines()

        yield port, stop
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()


def _wait_until_healthy(port: int, server: subprocess.Popen) -> None:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/health/", headers={"Host": PRODUCTION_HOST}
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert server.poll() is None, "gunicorn stopped while starting"
        try:
            with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
                if response.read() == b"ok":
                    return
        except OSError:
            time.sleep(0.2)
    pytest.fail("gunicorn did not answer /health/ within a minute")


@pytest.fixture
def captured_log():
    """Everything the real console log handler writes, at DEBUG level, as text."""
    handler = next(h for h in logging.getLogger("django").handlers if h.filters)
    buffer = io.StringIO()
    previous = handler.setStream(buffer)
    levels = {name: logging.getLogger(name).level for name in ("django", "")}
    logging.getLogger("django").setLevel(logging.DEBUG)
    logging.getLogger().setLevel(logging.DEBUG)
    yield buffer
    handler.setStream(previous)
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)
