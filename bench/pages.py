"""Program pages: size, requests and throughput against nginx serving the same bytes.

Run: .venv/bin/python bench/pages.py [path ...]   (needs nginx and wrk: apt-get install nginx wrk)
Writes bench/results/pages.md. Everything listens on 127.0.0.1 only; each wrk run is bounded.
"""

import gzip
import http.cookiejar
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from waymark.env import fresh_secrets  # noqa: E402

APP_PORT, NGINX_PORT = 8731, 8732
DURATION = os.environ.get("BENCH_SECONDS", "10")
PATHS = sys.argv[1:] or [
    "/en/",
    "/en/why-people-use/what-lies-underneath/",
    "/en/help/",
]


# A reader who has answered an exercise carries a session: a page with exercises is rendered
# for them each time; a reading page is the same for everyone once their visit is noted.
PERSONAL_PAGE = "/en/why-people-use/risk-factors-and-yourself/"
PERSONAL_ANSWER = "/en/exercise/ex5-yourself/answer/"
SESSION_PATHS = [PERSONAL_PAGE, "/en/why-people-use/what-lies-underneath/"]


def wrk(url: str, seconds: str | int = DURATION, cookie: str = "") -> float:
    headers = ["-H", f"Cookie: {cookie}"] if cookie else []
    out = subprocess.run(
        ["wrk", "-t2", "-c32", f"-d{seconds}s", "--latency", *headers, url],
        capture_output=True,
        text=True,
        check=True,
        timeout=int(seconds) + 30,
    ).stdout
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))


def wait_for(url: str) -> None:
    for _ in range(100):
        try:
            urllib.request.urlopen(url, timeout=1)  # noqa: S310 - loopback only
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"nothing answered at {url}")


def session_cookie(base: str) -> str:
    """Answers one exercise as a person would, and returns the cookies they then carry."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    form = opener.open(base + PERSONAL_PAGE).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    data = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "q5-describe": "a benchmark answer"}
    ).encode()
    opener.open(base + PERSONAL_ANSWER, data)
    return "; ".join(f"{c.name}={c.value}" for c in jar)


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="waymark-bench-"))
    env = {
        **os.environ,
        "WAYMARK_DATA_DIR": str(work / "data"),
        **fresh_secrets(),
        "DEBUG": "false",
        "WAYMARK_BIND": f"127.0.0.1:{APP_PORT}",
        "WAYMARK_LOG_LEVEL": "WARNING",
    }
    env.pop("DATABASE_URL", None)
    python = str(ROOT / ".venv" / "bin" / "python")
    for command in (["migrate", "-v0"], ["collectstatic", "--noinput", "-v0"]):
        subprocess.run([python, "manage.py", *command], cwd=ROOT, env=env, check=True)
    app = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "-c", "gunicorn.conf.py", "waymark.wsgi"],
        cwd=ROOT,
        env=env,
    )
    static_root = work / "static"
    nginx_conf = work / "nginx.conf"
    nginx_conf.write_text(
        f"""daemon off; worker_processes 2; pid {work}/nginx.pid; error_log {work}/nginx.err;
events {{ worker_connections 256; }}
http {{ access_log off; include /etc/nginx/mime.types; default_type text/html;
  client_body_temp_path {work}; proxy_temp_path {work}; fastcgi_temp_path {work};
  uwsgi_temp_path {work}; scgi_temp_path {work};
  server {{ listen 127.0.0.1:{NGINX_PORT}; root {static_root}; }} }}
"""
    )
    nginx = subprocess.Popen(["nginx", "-c", str(nginx_conf)])
    rows = []
    try:
        wait_for(f"http://127.0.0.1:{APP_PORT}/en/help/")
        for index, path in enumerate(PATHS):
            with urllib.request.urlopen(f"http://127.0.0.1:{APP_PORT}{path}") as response:
                body = response.read()
            stylesheets = re.findall(rb'href="(/static/[^"]+\.css)"', body)
            requests = 1 + len(re.findall(rb'(?:src|href)="/static/', body))
            css = b"".join(
                urllib.request.urlopen(f"http://127.0.0.1:{APP_PORT}{s.decode()}").read()
                for s in stylesheets
            )
            compressed = len(gzip.compress(body, 6)) + len(gzip.compress(css, 6))
            static_root.mkdir(exist_ok=True)
            (static_root / f"page{index}.html").write_bytes(body)
            wait_for(f"http://127.0.0.1:{NGINX_PORT}/page{index}.html")
            wrk(f"http://127.0.0.1:{APP_PORT}{path}", seconds=2)  # every worker warm
            app_rps = wrk(f"http://127.0.0.1:{APP_PORT}{path}")
            nginx_rps = wrk(f"http://127.0.0.1:{NGINX_PORT}/page{index}.html")
            rows.append((f"`{path}`", len(body), compressed, requests, app_rps, nginx_rps))
        cookie = session_cookie(f"http://127.0.0.1:{APP_PORT}")
        for index, path in enumerate(SESSION_PATHS):
            url = f"http://127.0.0.1:{APP_PORT}{path}"
            request = urllib.request.Request(url, headers={"Cookie": cookie})
            with urllib.request.urlopen(request) as response:  # noqa: S310
                body = response.read()
            if path == PERSONAL_PAGE:
                assert b"a benchmark answer" in body, "the session did not carry the answer"
            (static_root / f"session{index}.html").write_bytes(body)
            wrk(url, seconds=2, cookie=cookie)
            app_rps = wrk(url, cookie=cookie)
            nginx_rps = wrk(f"http://127.0.0.1:{NGINX_PORT}/session{index}.html")
            compressed = len(gzip.compress(body, 6)) + len(gzip.compress(css, 6))
            rows.append((f"`{path}` with a session", len(body), compressed, 3, app_rps, nginx_rps))
    finally:
        app.terminate()
        nginx.terminate()
        app.wait(10)
        nginx.wait(10)
        shutil.rmtree(work, ignore_errors=True)

    lines = [
        "# Program pages: size and throughput",
        "",
        f"Measured {time.strftime('%Y-%m-%d')} on this project's 2-core machine with "
        f"`.venv/bin/python bench/pages.py` (wrk -t2 -c32 -d{DURATION}s; gunicorn from "
        "gunicorn.conf.py defaults on SQLite, after a 2 s warm-up; nginx serving the same "
        "HTML bytes from disk, access log off; "
        "both on 127.0.0.1, run one after the other).",
        "",
        "| page | HTML bytes | page + CSS gzip bytes | requests | Waymark req/s | nginx req/s |"
        " Waymark / nginx |",
        "|---|---|---|---|---|---|---|",
    ]
    for path, size, compressed, requests, app_rps, nginx_rps in rows:
        lines.append(
            f"| {path} | {size:,} | {compressed:,} | {requests} | {app_rps:,.0f} | "
            f"{nginx_rps:,.0f} | {app_rps / nginx_rps:.1%} |"
        )
    lines += [
        "",
        "Budgets: ≤ 20 KB compressed, ≤ 3 requests, throughput ≥ 10 % of nginx.",
        "",
        "Cookie-less readers (most readers of the program) are answered from the public page",
        "cache in front of Django (waymark/web/page_cache.py). A reader with a session enters",
        "Django: the session is read and the visit noted in their sealed progress record; a",
        "reading page then comes from the per-process rendering shared with everyone, while a",
        "page with exercises is rendered for them, with their answers decrypted.",
    ]
    out = ROOT / "bench" / "results" / "pages.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
