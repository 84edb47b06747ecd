from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "waymark.surveys"
    label = "surveys"
