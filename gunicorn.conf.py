"""gunicorn for production: no access log, nothing about who connects.

Run: .venv/bin/gunicorn -c gunicorn.conf.py waymark.wsgi
"""

import os

bind = os.environ.get("WAYMARK_BIND", "127.0.0.1:8000")
# Sync workers measured fastest here (bench/results/pages.md); the proxy in front (nginx, Caddy
# or Tor) buffers slow clients, so a sync worker is never held by one.
workers = int(os.environ.get("WAYMARK_WORKERS", "3"))
threads = int(os.environ.get("WAYMARK_THREADS", "1"))
worker_class = os.environ.get("WAYMARK_WORKER_CLASS", "sync")
# No access log: it would record every page a person opened, with a time and address.
accesslog = None
errorlog = "-"
loglevel = "warning"
# Bounded requests keep memory flat under bursts; body size is capped in Django too.
limit_request_line = 4094
limit_request_fields = 60
timeout = 30
max_requests = 2000
max_requests_jitter = 200
forwarded_allow_ips = os.environ.get("WAYMARK_FORWARDED_ALLOW_IPS", "127.0.0.1")
