from django.apps import AppConfig
from django.conf import settings


class ProgramConfig(AppConfig):
    name = "waymark.program"
    label = "program"

    def ready(self):
        # The content is read once, here; broken content stops the start with its problems.
        from waymark.program import content
        from waymark.web.content import load_at_start

        load_at_start(lambda: content.install(settings.WAYMARK_CONTENT_DIR))
