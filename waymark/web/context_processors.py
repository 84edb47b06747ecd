from django.conf import settings


def site(request):
    return {
        "site_name": settings.WAYMARK_SITE_NAME,
        "quick_exit_url": settings.WAYMARK_QUICK_EXIT_URL,
    }
