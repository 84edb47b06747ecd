"""Error pages that speak to a person, not to a developer; the health check for machines."""

from django.db import Error, connection
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe


def _error(request, status, heading, message):
    return render(
        request, "web/error.html", {"heading": heading, "message": message}, status=status
    )


def bad_request(request, exception=None):
    # A body refused before LocaleMiddleware ran: the language comes from the address.
    with translation.override(translation.get_language_from_path(request.path_info)):
        return _error(
            request,
            400,
            _("That did not work"),
            _(
                "The page could not read what was sent. If you were filling in a form, it "
                "may have been too long. Please go back and try again with a shorter text."
            ),
        )


def permission_denied(request, exception=None):
    return _error(request, 403, _("Not allowed"), _("This page is not open to you."))


def page_not_found(request, exception=None):
    return _error(
        request,
        404,
        _("Page not found"),
        _("There is nothing here. The link may be old, or the page may have moved."),
    )


def server_error(request):
    return _error(
        request,
        500,
        _("Something went wrong on our side"),
        _(
            "The page could not be shown. Nothing you wrote has been sent to anyone. "
            "Please try again in a moment."
        ),
    )


RETRY_AFTER_SECONDS = 30


def busy(request):
    """Too many slow key derivations are waiting (waymark/web/derivations.py): try later."""
    response = _error(
        request,
        503,
        _("Busy, try again in a moment"),
        _(
            "Many people are signing in right now, and each check takes a moment. Nothing "
            "was changed. Please wait half a minute, go back and send the form again."
        ),
    )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def csrf_failure(request, reason=""):
    return _error(
        request,
        403,
        _("Please send the form again"),
        _(
            "For your safety, forms only work when sent from this site's own pages and "
            "before your session ends. Go back, reload the page and send it again."
        ),
    )


@require_safe
def health(request):
    """For a load balancer: "ok" once the database answers, "unavailable" (503) when not.

    It says nothing else: no version, no counts. Not marked public, so the page cache never
    keeps it; no session, so no cookie.
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except (Error, OSError):  # OSError: the SQLite folder cannot be made or opened
        return HttpResponse("unavailable", content_type="text/plain; charset=utf-8", status=503)
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")
