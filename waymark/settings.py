"""Waymark's one settings module, configured from environment variables.

It reads the environment and nothing else, and writes no file. Every default is safe for a
person running Waymark on their own machine with `make run`; the two secrets have no default
(`make run` keeps them in var/local.env). A production deployment sets `SECRET_KEY`,
`WAYMARK_LOOKUP_PEPPER`, `ALLOWED_HOSTS` and (usually) `DATABASE_URL`; docs/deploy.md lists
every variable.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from waymark.env import env_bool, env_int, env_list, env_secret

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", False)

# Where the SQLite database and the collected static files live. Kept out of the code tree in
# production by setting WAYMARK_DATA_DIR.
DATA_DIR = Path(os.environ.get("WAYMARK_DATA_DIR", BASE_DIR / "var"))

# No default: see waymark/env.py. The old key may stay in SECRET_KEY_FALLBACKS for a while
# after a rotation, so that staff stay signed in (docs/deploy.md).
SECRET_KEY = env_secret("SECRET_KEY")
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS", [])

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
# Behind a TLS-terminating proxy set WAYMARK_BEHIND_TLS_PROXY=true; an onion service
# stays on plain HTTP and leaves it off.
if env_bool("WAYMARK_BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
HTTPS = env_bool("WAYMARK_HTTPS", False)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "waymark.web",
    "waymark.staff",
    "waymark.workspace",
    "waymark.program",
    "waymark.diary",
    "waymark.surveys",
    "waymark.help",
    "waymark.counsel",
]

MIDDLEWARE = [
    "waymark.web.middleware.PrivacyAndSecurityHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "waymark.web.middleware.BodyLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "waymark.web.middleware.OnionFriendlyCsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "waymark.urls"
WSGI_APPLICATION = "waymark.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "waymark.web.context_processors.site",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{DATA_DIR / 'waymark.sqlite3'}"),
        conn_max_age=env_int("WAYMARK_DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Django's SQLite with files only their owner can read, secure_delete on and a rollback
    # journal: see waymark/sqlite/base.py.
    DATABASES["default"]["ENGINE"] = "waymark.sqlite"
    DATABASES["default"]["OPTIONS"] = {"transaction_mode": "IMMEDIATE", "timeout": 20}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Staff passwords: Argon2id first. Tests swap in a fast hasher.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "staff-login"

# Sessions: server-side rows keyed by a hash of the cookie, payload sealed under a key
# only the cookie carries (waymark/workspace/sessions.py).
SESSION_ENGINE = "waymark.workspace.sessions"
SESSION_COOKIE_NAME = "wm_session"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Strict"
SESSION_COOKIE_SECURE = HTTPS
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# Both are upper bounds a deployment may lower, not raise (SECURITY.md 7).
WAYMARK_SESSION_IDLE_MINUTES = min(env_int("WAYMARK_SESSION_IDLE_MINUTES", 30), 30)
WAYMARK_SESSION_MAX_HOURS = min(env_int("WAYMARK_SESSION_MAX_HOURS", 12), 12)
SESSION_COOKIE_AGE = WAYMARK_SESSION_MAX_HOURS * 3600

CSRF_COOKIE_NAME = "wm_csrf"
# A session cookie like every other: gone when the browser closes (SECURITY.md 6).
CSRF_COOKIE_AGE = None
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Strict"
CSRF_COOKIE_SECURE = HTTPS
CSRF_FAILURE_VIEW = "waymark.web.views.csrf_failure"

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "no-referrer"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = HTTPS and env_bool("WAYMARK_SSL_REDIRECT", True)
# A load balancer polls the health check over plain HTTP; it answers only "ok".
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_HSTS_SECONDS = env_int("WAYMARK_HSTS_SECONDS", 31536000) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = False

# Request bodies are small: answers are text. No file is ever uploaded.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("WAYMARK_MAX_BODY_BYTES", 64 * 1024)
DATA_UPLOAD_MAX_NUMBER_FIELDS = 400
FILE_UPLOAD_HANDLERS: list[str] = []

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fi", _("Finnish")), ("es", _("Spanish"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
FORMAT_MODULE_PATH = ["waymark.formats"]
# Days are what Waymark keeps; it stores no time of day of a person's action.
USE_TZ = True
TIME_ZONE = "UTC"

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_MAX_AGE = 3600

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Logging: no access log, no record carries the request (and so no IP, User-Agent, referrer,
# Host, Origin or path): a refused request is one line with its status, a server error its
# traceback without exception messages. gunicorn's log goes through the same filter
# (gunicorn.conf.py). See waymark/web/logging.py.
LOG_LEVEL = os.environ.get("WAYMARK_LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"privacy": {"()": "waymark.web.logging.PrivacyFilter"}},
    "formatters": {"plain": {"()": "waymark.web.logging.PrivacyFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["privacy"],
            "formatter": "plain",
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django": {"handlers": ["console"], "level": LOG_LEVEL, "propagate": False},
        # runserver's access lines name every page a person opened, with a time.
        "django.server": {"handlers": [], "level": "ERROR", "propagate": False},
        "django.db.backends": {"handlers": [], "level": "WARNING", "propagate": False},
        # At DEBUG it prints whole template contexts, which can hold a person's answers.
        "django.template": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
ADMINS: list[tuple[str, str]] = []

# --- Waymark's own settings ------------------------------------------------------------
WAYMARK_SITE_NAME = os.environ.get("WAYMARK_SITE_NAME", "Waymark")
# Words that must never be in a page title, an address or a download's name: browser history,
# tabs and bookmarks show them to anyone with the device. Lower-case beginnings of words, in
# every language served; an operator adds their own (docs/security.md).
WAYMARK_SENSITIVE_WORDS = env_list(
    "WAYMARK_SENSITIVE_WORDS",
    [
        *("csam", "child", "abuse", "sexual", "paedo", "pedo", "porn", "minor", "offend"),
        *("exploit", "groom", "illegal", "lapsi", "lasten", "hyväksikäyt", "seksuaal"),
        *("pedofil", "abuso", "niño", "niña", "infantil", "menores", "explotación"),
    ],
)
WAYMARK_QUICK_EXIT_URL = os.environ.get("WAYMARK_QUICK_EXIT_URL", "https://www.wikipedia.org/")
WAYMARK_CONTENT_DIR = Path(os.environ.get("WAYMARK_CONTENT_DIR", BASE_DIR / "content"))
WAYMARK_WORKSPACE_RETENTION_DAYS = env_int("WAYMARK_WORKSPACE_RETENTION_DAYS", 180)
WAYMARK_SURVEY_RETENTION_DAYS = env_int("WAYMARK_SURVEY_RETENTION_DAYS", 3 * 365)
WAYMARK_MIN_COUNT = env_int("WAYMARK_MIN_COUNT", 50)
# More responses to one survey than this within one hour are a burst: held out of every count
# and figure until staff release or discard them (waymark/surveys/intake.py). Twenty people
# finishing a long survey in one hour is rare on a small service; a real rush is released.
WAYMARK_SURVEY_BURST_PER_HOUR = env_int("WAYMARK_SURVEY_BURST_PER_HOUR", 20)
# Argon2id cost for unlocking a workspace: at least 64 MiB (SECURITY.md 4).
WAYMARK_ARGON2_MEMORY_KIB = max(env_int("WAYMARK_ARGON2_MEMORY_KIB", 64 * 1024), 64 * 1024)
WAYMARK_ARGON2_ITERATIONS = env_int("WAYMARK_ARGON2_ITERATIONS", 3)
WAYMARK_ARGON2_LANES = env_int("WAYMARK_ARGON2_LANES", 1)
# Slow key derivations (workspace unlocks, staff sign-ins) per process: how many run at once
# and how many more may wait; beyond that a request is told "busy" at once
# (waymark/web/derivations.py). Memory: workers x the Argon2 cost.
WAYMARK_KDF_WORKERS = env_int("WAYMARK_KDF_WORKERS", 1)
WAYMARK_KDF_QUEUE = env_int("WAYMARK_KDF_QUEUE", 2)
# Separate from SECRET_KEY so a passphrase's lookup id survives a SECRET_KEY rotation.
WAYMARK_LOOKUP_PEPPER = env_secret("WAYMARK_LOOKUP_PEPPER")
# Seals the staff's TOTP secrets, so that a copy of the database gives no second factor.
# Kept apart from SECRET_KEY so that either can change without the other.
WAYMARK_TOTP_KEY = env_secret("WAYMARK_TOTP_KEY")
# Each app checks its own content files; `manage.py check_content` runs them all.
WAYMARK_CONTENT_CHECKS = [
    "waymark.program.content.check",
    "waymark.surveys.definitions.check",
    "waymark.diary.vocabulary.check",
    "waymark.help.helplines.check",
    "waymark.counsel.texts.check",
    "waymark.links.check",
]
# Each app's daily job, by name, in the order `manage.py daily` runs them (docs/deploy.md):
# retention (WAYMARK_WORKSPACE_RETENTION_DAYS, WAYMARK_SURVEY_RETENTION_DAYS) is applied here.
WAYMARK_DAILY_JOBS = {
    "workspaces": "waymark.workspace.workspaces.expire_daily",
    "sessions": "waymark.workspace.sessions.clear_ended",
    "survey-hours": "waymark.surveys.intake.settle_every_survey",
    "survey-responses": "waymark.surveys.responses.expire_and_shuffle",
}
# Each app's totals for the staff operator page: a function returning (label, number) pairs.
# Counts only: nothing about any person.
WAYMARK_OPERATOR_COUNTS = [
    "waymark.workspace.workspaces.counts",
    "waymark.surveys.intake.counts",
    "waymark.staff.teams.counts",
]
# Each app adds its part of the downloadable workbook.
WAYMARK_WORKBOOK_SECTIONS = [
    "waymark.program.workbook.sections",
    "waymark.diary.workbook.sections",
    "waymark.counsel.workspace.workbook_sections",
]
# What other apps show on the workspace page (a counsellor's new replies).
WAYMARK_WORKSPACE_PANELS = ["waymark.counsel.workspace.panels"]

# "Talk to a person": a reader with a kept workspace writes to the service's counsellors
# (docs/deploy.md). Off unless the operator has counsellors; `make run` turns it on.
WAYMARK_COUNSEL_ENABLED = env_bool("WAYMARK_COUNSEL_ENABLED", False)
# The reply time promised to readers, in working days.
WAYMARK_COUNSEL_REPLY_DAYS = env_int("WAYMARK_COUNSEL_REPLY_DAYS", 3)
# The languages the counsellors read and write, of those in LANGUAGES; the first is the
# conversation's language when the reader's own is not among them.
WAYMARK_COUNSEL_LANGUAGES = env_list("WAYMARK_COUNSEL_LANGUAGES", ["en"])
# Messages one workspace may send in a day: enough to talk, too few to flood the inbox.
WAYMARK_COUNSEL_MESSAGES_PER_DAY = env_int("WAYMARK_COUNSEL_MESSAGES_PER_DAY", 5)
# What a reader may share with the counsellors, by the app that keeps it.
WAYMARK_COUNSEL_SHAREABLE = [
    "waymark.program.workbook.shareable",
    "waymark.diary.workbook.shareable",
]
_unknown = set(WAYMARK_COUNSEL_LANGUAGES) - {code for code, _name in LANGUAGES}
if _unknown or not WAYMARK_COUNSEL_LANGUAGES:
    raise ImproperlyConfigured(
        "WAYMARK_COUNSEL_LANGUAGES must name one or more of "
        + ", ".join(code for code, _name in LANGUAGES)
        + f"; it names {', '.join(sorted(_unknown)) or 'none'}."
    )

SILENCED_SYSTEM_CHECKS = [
    # Waymark's CSRF middleware is a subclass of Django's (waymark/web/middleware.py).
    "security.W003",
    # HSTS preload commits a domain for years; it is the operator's choice, not a default.
    "security.W021",
]
