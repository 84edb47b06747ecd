from django.db import models


class DailyJobRun(models.Model):
    """The last run of one daily job (waymark/web/daily.py): its day and whether it went
    well. Nothing about any person, nor what the job found."""

    job = models.CharField(primary_key=True, max_length=64)
    day = models.DateField()
    succeeded = models.BooleanField()

    def __str__(self) -> str:
        return f"daily job {self.job}"
