"""The staff sign-in form: user name, password and the code from an authenticator app."""

from django import forms
from django.utils.translation import gettext_lazy as _

from waymark.staff import signin

# Nothing a staff member types here should be remembered by a shared browser.
NOT_REMEMBERED = {"autocomplete": "off", "autocapitalize": "none", "spellcheck": "false"}


class StaffLoginForm(forms.Form):
    username = forms.CharField(
        label=_("User name"), max_length=150, widget=forms.TextInput(attrs=NOT_REMEMBERED)
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        max_length=200,
        widget=forms.PasswordInput(attrs={"autocomplete": "off"}),
    )
    code = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=10,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    # One message for every failure, so the form does not tell which part was wrong.
    failure = _("The user name, password or code is not right.")
    delayed = _(
        "There were too many wrong attempts for this account. Wait a few minutes, then try "
        "again. Each further wrong attempt makes the wait longer."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.signed_in: signin.SignedIn | None = None

    def clean(self):
        """Raises derivations.Busy when the sign-in cannot be checked now."""
        data = super().clean()
        if self.errors:
            return data
        try:
            self.signed_in = signin.sign_in(data["username"], data["password"], data["code"])
        except signin.Delayed:
            raise forms.ValidationError(self.delayed) from None
        except signin.Refused:
            raise forms.ValidationError(self.failure) from None
        return data
