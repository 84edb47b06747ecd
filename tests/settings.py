"""The settings as deployed, for a test run: secrets of its own, made up for it.

pytest-django imports this before any conftest.py. A secret already in the environment (from
`make test`, which exports var/local.env) is used as it is.
"""

from waymark.env import use_fresh_secrets

use_fresh_secrets()

from waymark.settings import *  # noqa: E402, F403

# Nothing is collected for tests; WhiteNoise would warn about a missing folder.
STATIC_ROOT = None

# "Talk to a person" is off by default; its pages are tested (and walked) switched on.
WAYMARK_COUNSEL_ENABLED = True
# Each request of the live server (browser tests) runs in a thread of its own: with persistent
# connections, a finished thread's connection stays open until it is collected, and PostgreSQL
# then refuses to drop the test database.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
