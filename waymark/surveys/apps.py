from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "waymark.surveys"
    label = "surveys"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from waymark.staff import sections
        from waymark.staff.models import Team
        from waymark.staff.teams import ROLE_PERMISSIONS
        from waymark.surveys.definitions import surveys_for
        from waymark.web.content import load_at_start

        sections.register(ROLE_PERMISSIONS[Team.RESEARCH], "staff-research", _("Research"))
        # Broken survey files stop the start with every problem listed, not a later 500.
        load_at_start(surveys_for)
