"""Reading Waymark's configuration from the environment: the one place that does it.

Settings read the environment and nothing else. The secrets have no default: a server that
made up its own at start would lose them at the next restart, and a new lookup pepper leaves
every saved workspace unreachable. `make run` keeps a machine's own secrets in var/local.env;
production sets them from a secrets store (docs/deploy.md).

Run as a program, `python -m waymark.env FILE` adds to FILE any secret it lacks, and never
changes one it has.
"""

import os
import secrets
import sys
from pathlib import Path
from typing import NamedTuple

from django.core.exceptions import ImproperlyConfigured


class Secret(NamedTuple):
    shortest: int
    # Where an earlier Waymark generated it, in the data folder, and why to keep that value.
    earlier_file: str | None = None
    keep_because: str = ""


# The lookup pepper has no minimum length: it cannot change once workspaces are kept under it
# (docs/deploy.md), so a short one an install already has must keep working.
SECRETS = {
    "SECRET_KEY": Secret(50, "secret_key", "so that staff stay signed in"),
    "WAYMARK_LOOKUP_PEPPER": Secret(1, "lookup_pepper", "or no saved workspace can be found"),
    "WAYMARK_TOTP_KEY": Secret(32, "totp_key", "or no staff authenticator code is accepted"),
}
HOW_TO_GENERATE = "python3 -c 'import secrets; print(secrets.token_urlsafe(50))'"


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_secret(name: str) -> str:
    """A secret from the environment, or ImproperlyConfigured in one line that says how to
    make one. Never a default."""
    value = os.environ.get(name, "").strip()
    secret = SECRETS[name]
    if len(value) >= secret.shortest:
        return value
    problem = "is not set" if not value else f"is shorter than {secret.shortest} characters"
    message = f"{name} {problem}. Generate one with: {HOW_TO_GENERATE}"
    if secret.earlier_file:
        message += (
            f" (an earlier Waymark kept it in the data folder's {secret.earlier_file} file: "
            f"use that value instead, {secret.keep_because})."
        )
    raise ImproperlyConfigured(message)


def production_problem() -> str | None:
    """Why the production server must not start, in one line; None when it may."""
    try:
        for name in SECRETS:
            env_secret(name)
    except ImproperlyConfigured as error:
        return str(error)
    if env_bool("DEBUG", False):
        return (
            "DEBUG is on: it would show visitors tracebacks and settings. Unset DEBUG (or set "
            "DEBUG=false) for the production server; `make run` is the local server."
        )
    return None


def fresh_secrets() -> dict[str, str]:
    return {name: secrets.token_urlsafe(50) for name in SECRETS}


def use_fresh_secrets() -> None:
    """For a process whose database is thrown away (a test run, a benchmark): secrets made up
    for it where the environment has none."""
    for name, value in fresh_secrets().items():
        os.environ.setdefault(name, value)


def complete_env_file(path: Path) -> list[str]:
    """Adds to the env file each secret it lacks, and names them; never changes one it has.

    A secret an earlier version generated into the data folder is carried over, so saved
    workspaces stay reachable. A folder it makes is 0700, the file 0600.
    """
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o600)
    with os.fdopen(fd, "r+") as handle:
        text = handle.read()
        present = {line.split("=", 1)[0].strip() for line in text.splitlines()}
        added = [name for name in SECRETS if name not in present]
        if added and text and not text.endswith("\n"):
            handle.write("\n")
        fresh = fresh_secrets()
        for name in added:
            earlier = SECRETS[name].earlier_file
            kept = path.parent / earlier if earlier else None
            value = kept.read_text().strip() if kept and kept.exists() else fresh[name]
            handle.write(f"{name}={value}\n")
    return added


if __name__ == "__main__":
    for added in complete_env_file(Path(sys.argv[1])):
        print(f"{added} added to {sys.argv[1]}: keep it, and keep it private.")
