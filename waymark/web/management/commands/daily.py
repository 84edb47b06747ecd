from django.core.management.base import BaseCommand, CommandError

from waymark.web import daily


class Command(BaseCommand):
    help = (
        "Runs every app's daily job (settings.WAYMARK_DAILY_JOBS): deletes workspaces and "
        "survey responses past their retention and ended sessions, counts survey hours that "
        "are over, writes recent responses again in a random order. One line per job; a job "
        "that fails does not stop the others. Schedule it once a day (docs/deploy.md)."
    )

    def handle(self, *args, **options):
        outcomes = daily.run_all()
        for outcome in outcomes:
            self.stdout.write(f"{outcome.job}: {outcome.line}")
        failed = [outcome.job for outcome in outcomes if not outcome.succeeded]
        if failed:
            raise CommandError(
                f"{len(failed)} of {len(outcomes)} daily jobs failed: {', '.join(failed)}."
            )
