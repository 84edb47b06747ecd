from django.apps import AppConfig


class StaffConfig(AppConfig):
    name = "waymark.staff"
    label = "staff"

    def ready(self):
        from django.contrib.auth import user_logged_in
        from django.contrib.auth.models import update_last_login
        from django.utils.translation import gettext_lazy as _

        from waymark.staff import sections, teams

        # A login time is a precise time of someone's action: not kept (SECURITY.md 9).
        user_logged_in.disconnect(update_last_login, dispatch_uid="update_last_login")
        teams.connect_signals()
        sections.register(teams.OPERATOR, "staff-operator", _("Operator"))
