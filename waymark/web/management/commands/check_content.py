from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.module_loading import import_string


class Command(BaseCommand):
    help = "Checks every content file (chapters, surveys, diary words, helplines)."

    def handle(self, *args, **options):
        root = settings.WAYMARK_CONTENT_DIR
        problems = []
        for dotted in settings.WAYMARK_CONTENT_CHECKS:
            problems.extend(import_string(dotted)(root))
        if problems:
            for problem in sorted(problems):
                self.stderr.write(str(problem))
            raise CommandError(f"{len(problems)} problem(s) in the content.")
        self.stdout.write(f"Content OK: {root}")
