from django.db import models


class SessionRecord(models.Model):
    """One live session: a sealed payload only the holder of the cookie can open."""

    id = models.CharField(primary_key=True, max_length=64)
    payload = models.BinaryField()
    # A whole hour after the session's absolute end, when cleanup removes the row.
    delete_after = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return "session"
