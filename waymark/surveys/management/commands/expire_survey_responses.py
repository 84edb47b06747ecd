from django.conf import settings
from django.core.management.base import BaseCommand

from waymark.surveys.definitions import surveys_for
from waymark.surveys.intake import settle
from waymark.surveys.responses import expire, shuffle_recent


class Command(BaseCommand):
    help = (
        "Counts, or holds as a burst, the responses of every hour that is over. Deletes "
        "survey responses older than WAYMARK_SURVEY_RETENTION_DAYS (whole months); the "
        "counters behind public figures keep their totals. Then writes the recent and the "
        "held responses again in a random order, so the order of rows tells nothing."
    )

    def handle(self, *args, **options):
        for survey in surveys_for().values():
            settle(survey)
        deleted = expire(settings.WAYMARK_SURVEY_RETENTION_DAYS)
        self.stdout.write(f"Deleted {deleted} survey responses.")
        shuffled = shuffle_recent()
        self.stdout.write(f"Wrote {shuffled} recent and held responses again in a random order.")
