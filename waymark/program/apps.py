from django.apps import AppConfig


class ProgramConfig(AppConfig):
    name = "waymark.program"
    label = "program"
