from django.apps import AppConfig
from django.conf import settings


class DiaryConfig(AppConfig):
    name = "waymark.diary"
    label = "diary"

    def ready(self):
        from waymark.diary import vocabulary

        vocabulary.install(settings.WAYMARK_CONTENT_DIR)
