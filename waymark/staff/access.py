"""Who may open a staff page: signed in with password and code, staff, and with the
permission (a team's role, or the operator's)."""

from functools import wraps

from django.http import Http404
from django.shortcuts import redirect

from waymark.staff import teams


def staff_only(permission: str | None = None):
    """Sends anyone not signed in (with a verified code) to the sign-in page, and answers
    "not found" to staff without `permission`, so that the page does not say it exists."""

    def decorate(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            user = request.user
            if not user.is_authenticated or not user.is_verified():
                return redirect("staff-login")
            if not user.is_staff or (permission is not None and not teams.may(user, permission)):
                raise Http404
            return view(request, *args, **kwargs)

        return wrapped

    return decorate
