"""The Django admin for staff: open only with a verified second factor."""

from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django_otp.admin import OTPAdminSite


class StaffAdminSite(OTPAdminSite):
    """The admin, open only to staff whose TOTP code was checked.

    Its own login page (password, a device picker, a code) is replaced by the one staff
    sign-in, which checks all three, opens the team keys and then returns here.
    """

    def login(self, request, extra_context=None):
        target = request.GET.get("next") or reverse("admin:index", current_app=self.name)
        return redirect_to_login(target, reverse("staff-login"))
