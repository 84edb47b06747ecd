from django.apps import AppConfig


class CounselConfig(AppConfig):
    name = "waymark.counsel"
    label = "counsel"

    def ready(self):
        from django.conf import settings
        from django.utils.translation import gettext_lazy as _

        from waymark.counsel import texts
        from waymark.staff import sections
        from waymark.staff.models import Team
        from waymark.staff.teams import ROLE_PERMISSIONS
        from waymark.web.content import load_at_start

        # Broken texts or crisis words stop the start with each problem listed.
        load_at_start(lambda: texts.install(settings.WAYMARK_CONTENT_DIR))
        if settings.WAYMARK_COUNSEL_ENABLED:
            counsellors = ROLE_PERMISSIONS[Team.COUNSEL]
            sections.register(counsellors, "staff-counsel", _("Conversations"))
            sections.register(counsellors, "staff-counsel-load", _("Counselling load"))
