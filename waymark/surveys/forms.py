"""The staff login form: user name, password and the code from an authenticator app."""

from django import forms
from django.contrib.auth import authenticate
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user


class StaffLoginForm(forms.Form):
    username = forms.CharField(label=_("User name"), max_length=150)
    password = forms.CharField(label=_("Password"), strip=False, widget=forms.PasswordInput)
    code = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=10,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )

    # One message for every failure, so the form does not tell which part was wrong.
    failure = _("The user name, password or code is not right.")

    def __init__(self, request, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.user = None
        self.device = None

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        user = authenticate(self.request, username=data["username"], password=data["password"])
        if user is None or not user.is_staff:
            raise forms.ValidationError(self.failure)
        with transaction.atomic():
            for device in devices_for_user(user, for_verify=True):
                # verify_token counts failures and slows down guessing (django-otp throttling).
                if device.verify_token(data["code"].strip()):
                    self.user, self.device = user, device
                    break
        if self.device is None:
            raise forms.ValidationError(self.failure)
        return data
