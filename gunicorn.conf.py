"""gunicorn for production: fails closed, no access log, nothing about who connects.

Run: .venv/bin/gunicorn -c gunicorn.conf.py waymark.wsgi
"""

import os
import sys

from waymark.env import production_problem

# Before anything starts: a missing or short secret, or DEBUG left on, stops the server here
# with one line that names the variable and says how to fix it.
if problem := production_problem():
    sys.exit(f"Waymark will not start: {problem}")

bind = os.environ.get("WAYMARK_BIND", "127.0.0.1:8000")
# Several gthread workers with a few threads each: a thread that waits for a key derivation
# (waymark/web/derivations.py, off the request threads) leaves the others serving pages.
workers = int(os.environ.get("WAYMARK_WORKERS", "4"))
threads = int(os.environ.get("WAYMARK_THREADS", "4"))
worker_class = os.environ.get("WAYMARK_WORKER_CLASS", "gthread")
# Django and the content are loaded once in the master, then shared by the forked workers;
# broken content stops gunicorn before any worker starts. No database connection is opened at
# import, so none is shared across the fork.
preload_app = True
# No access log: it would record every page a person opened, with a time and address. The
# error log says of a refused request only what was wrong, in one line, and of a server error
# its traceback without messages (waymark/web/logging.py).
accesslog = None
errorlog = "-"
loglevel = "warning"
logger_class = "waymark.web.logging.GunicornLogger"
# Bounded requests keep memory flat under bursts; body size is capped in Django too.
limit_request_line = 4094
limit_request_fields = 60
timeout = 30
# Worker recycling off by default: each restart re-imports Django and re-reads the content, and
# at a few thousand requests a second a limit of thousands would restart a worker every second.
max_requests = int(os.environ.get("WAYMARK_MAX_REQUESTS", "0"))
max_requests_jitter = 1000
forwarded_allow_ips = os.environ.get("WAYMARK_FORWARDED_ALLOW_IPS", "127.0.0.1")
