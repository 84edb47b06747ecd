"""What the workspace stories need besides the shared helpers (conftest.py at the root)."""

import pytest

from waymark import crypto


@pytest.fixture
def derivations(monkeypatch):
    """Every Argon2id run, by its memory cost in KiB."""
    runs: list[int] = []
    real = crypto.Argon2id

    def counted(**kwargs):
        runs.append(kwargs["memory_cost"])
        return real(**kwargs)

    monkeypatch.setattr(crypto, "Argon2id", counted)
    return runs
