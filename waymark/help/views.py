from django.conf import settings
from django.http import HttpResponseRedirect
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
            "min_count": settings.WAYMARK_MIN_COUNT,
            "counsel_enabled": settings.WAYMARK_COUNSEL_ENABLED,
        },
    )


def quick_exit(request):
    """Leaves at once for a neutral site, and tells the browser to forget this one.

    Clear-Site-Data removes this site's cookies, cache and storage from the browser (browsers
    honour it over HTTPS, on localhost and on onion services). The session row goes too, so
    nothing of the visit can be opened again. History is the browser's own: the privacy page
    says how to clear it.
    """
    request.session.flush()
    response = HttpResponseRedirect(settings.WAYMARK_QUICK_EXIT_URL, status=303)
    response["Clear-Site-Data"] = '"cache", "cookies", "storage"'
    return response
