from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "waymark.web"
    label = "web"
