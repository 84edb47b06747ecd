"""The production server, started as docs/deploy.md says: it refuses to start half-configured,
and its log says nothing of who sent a bad request or what it held.

`gunicorn -c gunicorn.conf.py waymark.wsgi` with the production settings, a data folder of
its own and a free port. An attacker's bad requests go over raw sockets where a client library
would refuse to send them.
"""

import re
import socket
import subprocess
import urllib.request
from pathlib import Path

import pytest

from conftest import GUNICORN, free_port
from conftest import PRODUCTION_HOST as HOST

ROOT = Path(__file__).resolve().parent.parent

SENTINEL = "sentinel-7c1e"
SENDER = "198.51.100.77"


def _send(port: int, data: bytes) -> bytes:
    """The status line the server answers raw bytes with."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as connection:
        connection.sendall(data)
        answer = b""
        while b"\r\n" not in answer:
            try:
                chunk = connection.recv(65536)
            except ConnectionResetError:
                break
            if not chunk:
                break
            answer += chunk
    return answer.split(b"\r\n", 1)[0]


def _request(port: int, method: str, path: str, headers: dict, body: bytes = b"") -> bytes:
    lines = [f"{method} {path} HTTP/1.1", "Connection: close"]
    headers = {"Host": HOST, **headers}
    if method == "POST":
        headers["Content-Length"] = str(len(body))
    lines += [f"{name}: {value}" for name, value in headers.items()]
    return _send(port, ("\r\n".join(lines) + "\r\n\r\n").encode() + body)


def _csrf_cookie(port: int) -> str:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/en/workspace/open/", headers={"Host": HOST}
    )
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return re.search(r"wm_csrf=([^;]+)", response.headers["Set-Cookie"]).group(1)


def test_a_bad_request_is_one_short_line_that_says_nothing_of_its_sender(production_server):
    port, stop = production_server
    who = {
        "User-Agent": f"Browser/{SENTINEL}",
        "Referer": f"https://{SENTINEL}.example/",
        "X-Forwarded-For": SENDER,
        "Origin": f"https://{SENTINEL}.example",
    }
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    cookie = {"Cookie": f"wm_csrf={_csrf_cookie(port)}"}
    long_header = "a" * 10_000
    many_headers = "".join(f"X-{SENTINEL}-{n}: {n}\r\n" for n in range(100))
    refused = {
        "a broken request line": _send(port, f"BROKEN {SENTINEL}\r\n\r\n".encode()),
        "a request line too long": _send(
            port, f"GET /{SENTINEL}{'x' * 5000} HTTP/1.1\r\nHost: {HOST}\r\n\r\n".encode()
        ),
        "a header too large": _send(
            port,
            f"GET /en/ HTTP/1.1\r\nHost: {HOST}\r\nX-{SENTINEL}: {long_header}\r\n\r\n".encode(),
        ),
        "too many headers": _send(
            port, f"GET /en/ HTTP/1.1\r\nHost: {HOST}\r\n{many_headers}\r\n".encode()
        ),
        "a host not allowed": _request(port, "GET", "/en/", {"Host": f"{SENTINEL}.example", **who}),
        "a path nobody has": _request(port, "GET", f"/en/{SENTINEL}/", who),
        "a form from another site": _request(
            port, "POST", "/en/workspace/open/", {**form, **who}, b"passphrase=x"
        ),
        "a body of 3 MB": _request(
            port, "POST", "/en/workspace/open/", {**form, **who}, b"a=" + b"x" * 3_000_000
        ),
        "too many fields": _request(
            port, "POST", "/en/workspace/open/", {**form, **cookie}, b"a=1&" * 1000
        ),
        "a broken multipart body": _request(
            port,
            "POST",
            "/en/workspace/open/",
            {"Content-Type": "multipart/form-data", **cookie},
            f"--{SENTINEL}\r\n".encode(),
        ),
    }
    for what, status in refused.items():
        assert status.split()[1][:1] == b"4", (what, status)
    # A person's ordinary visit, with the same identifying headers, is not logged at all.
    assert _request(port, "GET", "/en/", {**who, "Origin": f"http://{HOST}"}) == b"HTTP/1.1 200 OK"

    lines = [line for line in stop() if line.strip()]

    text = "\n".join(lines)
    for trace in (SENTINEL, SENDER, "127.0.0.1", "Traceback", "example", "/en/"):
        assert trace not in text, trace
    assert all("rejected request: " in line and len(line) < 120 for line in lines), text
    assert len(lines) <= len(refused), text
    for kind in (
        "InvalidRequestLine",
        "LimitRequestLine",
        "LimitRequestHeaders",
        "DisallowedHost",
        "404 Not Found",
        "403 Forbidden",
        "RequestDataTooBig",
        "TooManyFieldsSent",
        "MultiPartParserError",
    ):
        assert kind in text, kind


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"SECRET_KEY": ""}, "SECRET_KEY is not set"),
        ({"SECRET_KEY": "too-short-by-far"}, "SECRET_KEY is shorter than 50 characters"),
        ({"WAYMARK_LOOKUP_PEPPER": ""}, "WAYMARK_LOOKUP_PEPPER is not set"),
        ({"DEBUG": "true"}, "DEBUG is on"),
    ],
)
def test_the_production_server_will_not_start_half_configured(server_env, change, named):
    env = {**server_env, **change, "WAYMARK_BIND": f"127.0.0.1:{free_port()}"}
    result = subprocess.run(GUNICORN, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    said = result.stderr.strip().splitlines()
    assert len(said) == 1, result.stderr
    assert named in said[0]
    if "DEBUG" not in named:
        assert "Generate one with: python3 -c" in said[0]


def test_a_command_without_its_secrets_says_what_to_set_in_one_line(run_waymark):
    result = run_waymark("manage.py", "migrate", WAYMARK_LOOKUP_PEPPER="")
    assert result.returncode == 1
    assert result.stderr.startswith("Waymark is not configured: WAYMARK_LOOKUP_PEPPER is not set.")
    assert len(result.stderr.strip().splitlines()) == 1
