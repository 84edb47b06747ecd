from django.apps import AppConfig
from django.conf import settings


class DiaryConfig(AppConfig):
    name = "waymark.diary"
    label = "diary"

    def ready(self):
        from waymark.diary import vocabulary
        from waymark.web.content import load_at_start

        load_at_start(lambda: vocabulary.install(settings.WAYMARK_CONTENT_DIR))
