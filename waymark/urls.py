from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from waymark.staff.admin import StaffAdminSite
from waymark.web import views as web_views

# Staff must pass a TOTP code as well as a password to use the admin (django-otp).
admin.site.__class__ = StaffAdminSite
admin.site.site_header = "Waymark staff"
admin.site.site_title = "Waymark staff"

urlpatterns = [
    # For a load balancer: no language prefix, answers "ok" (docs/deploy.md).
    path("health/", web_views.health, name="health"),
    path("staff/", include("waymark.staff.urls")),
    path("staff/", include("waymark.surveys.staff_urls")),
    path("staff/", include("waymark.counsel.staff_urls")),
    path("staff/admin/", admin.site.urls),
    *i18n_patterns(
        path("workspace/", include("waymark.workspace.urls")),
        path("diary/", include("waymark.diary.urls")),
        path("surveys/", include("waymark.surveys.urls")),
        path("help/", include("waymark.help.urls")),
        path("messages/", include("waymark.counsel.urls")),
        # Last: the program's /<chapter>/<page>/ would otherwise shadow the other apps.
        path("", include("waymark.program.urls")),
    ),
]

handler400 = web_views.bad_request
handler403 = web_views.permission_denied
handler404 = web_views.page_not_found
handler500 = web_views.server_error
