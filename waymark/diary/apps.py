from django.apps import AppConfig


class DiaryConfig(AppConfig):
    name = "waymark.diary"
    label = "diary"
