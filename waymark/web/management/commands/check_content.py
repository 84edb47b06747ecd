from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from waymark.web.content import check_all


class Command(BaseCommand):
    help = "Checks every content file (chapters, surveys, diary words, helplines)."

    def handle(self, *args, **options):
        root = settings.WAYMARK_CONTENT_DIR
        problems = check_all(root)
        if problems:
            for problem in problems:
                self.stderr.write(str(problem))
            raise CommandError(f"{len(problems)} problem(s) in the content.")
        self.stdout.write(f"Content OK: {root}")
