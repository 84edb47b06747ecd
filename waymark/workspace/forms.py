from django import forms
from django.utils.translation import gettext_lazy as _

from waymark.workspace import passphrase


class PassphraseForm(forms.Form):
    """Seven words typed back. Too long is refused here, before any key derivation."""

    passphrase = forms.CharField(
        label=_("Your passphrase"),
        max_length=passphrase.MAX_LENGTH,
        strip=False,
        error_messages={
            "required": _("Please type your passphrase."),
            "max_length": _(
                "That is longer than any passphrase. Please type only the seven words."
            ),
        },
    )

    def clean_passphrase(self) -> str:
        typed = passphrase.normalise(self.cleaned_data["passphrase"])
        if not typed:
            raise forms.ValidationError(self.fields["passphrase"].error_messages["required"])
        return typed
