import secrets

from django.db import models


class SessionRecord(models.Model):
    """One live session: a sealed payload only the holder of the cookie can open."""

    id = models.CharField(primary_key=True, max_length=64)
    payload = models.BinaryField()
    # Midnight after the session's absolute end, when cleanup removes the row.
    delete_after = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return "session"


def _new_workspace_id() -> str:
    return secrets.token_hex(16)


class Workspace(models.Model):
    """A person's records under one data key.

    Unsaved, the data key lives only in the person's session and `lookup` is empty. Saved,
    the data key is also kept here wrapped under a key derived from the passphrase, and
    `lookup` says which passphrase opens it. Dates, never times.
    """

    id = models.CharField(primary_key=True, max_length=32, default=_new_workspace_id)
    lookup = models.CharField(max_length=64, unique=True, null=True, blank=True)
    wrapped_key = models.BinaryField(null=True)
    kdf_salt = models.BinaryField(null=True)
    kdf_params = models.JSONField(null=True)
    # Keyed tags of the sessions that opened it, so deleting it can end them all; only the
    # holder of the data key can tell which session row a tag names.
    session_tags = models.JSONField(default=list)
    # The workspace's own X25519 key pair, made the first time something must be sealed for
    # the person while they are away (a counsellor's reply): the public half here, the
    # private half sealed under the data key, so only an open workspace reads what was sealed.
    public_key = models.BinaryField(null=True)
    sealed_private_key = models.BinaryField(null=True)
    created = models.DateField()
    last_used = models.DateField(db_index=True)

    def __str__(self) -> str:
        return "workspace"


class SealedRecord(models.Model):
    """One record sealed under its workspace's data key.

    `kind` and `record_id` hold keyed tags of the real names (which exercise, which diary
    day), so the table does not show what a person worked on; the real names are inside
    the sealed bytes. One row per (workspace, kind, record): writing again replaces it.
    """

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="records")
    kind = models.CharField(max_length=40)
    record_id = models.CharField(max_length=40)
    sealed = models.BinaryField()
    version = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["workspace", "kind", "record_id"], name="one_record_per_id"
            )
        ]

    def __str__(self) -> str:
        return "record"
