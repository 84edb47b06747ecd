from django.apps import AppConfig


class HelpConfig(AppConfig):
    name = "waymark.help"
    label = "help"
