from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "waymark.surveys"
    label = "surveys"

    def ready(self):
        from django.contrib.auth import user_logged_in
        from django.contrib.auth.models import update_last_login

        from waymark.surveys.definitions import surveys_for
        from waymark.web.content import load_at_start

        # A login time is a precise time of a person's action: not kept (SECURITY.md 9).
        user_logged_in.disconnect(update_last_login, dispatch_uid="update_last_login")
        # Broken survey files stop the start with every problem listed, not a later 500.
        load_at_start(surveys_for)
