from django.conf import settings
from django.core.management.base import BaseCommand

from waymark.surveys.responses import expire, shuffle_recent


class Command(BaseCommand):
    help = (
        "Deletes survey responses older than WAYMARK_SURVEY_RETENTION_DAYS (whole months). "
        "The counters behind public figures keep their totals. Then writes the recent "
        "responses again in a random order, so the order of rows tells nothing."
    )

    def handle(self, *args, **options):
        deleted = expire(settings.WAYMARK_SURVEY_RETENTION_DAYS)
        self.stdout.write(f"Deleted {deleted} survey responses.")
        shuffled = shuffle_recent()
        self.stdout.write(f"Wrote {shuffled} recent responses again in a random order.")
