from django.conf import settings
from django.shortcuts import render
from django.utils.translation import get_language

from waymark.help.helplines import helplines_for
from waymark.web.page_cache import public_page


@public_page
def help_now(request):
    return render(request, "help/now.html", {"helplines": helplines_for(get_language())})


@public_page
def privacy(request):
    return render(
        request,
        "help/privacy.html",
        {
            "retention_days": settings.WAYMARK_WORKSPACE_RETENTION_DAYS,
            "idle_minutes": settings.WAYMARK_SESSION_IDLE_MINUTES,
            "max_hours": settings.WAYMARK_SESSION_MAX_HOURS,
            "survey_retention_days": settings.WAYMARK_SURVEY_RETENTION_DAYS,
        },
    )
