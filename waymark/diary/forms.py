"""The diary's forms: a quick entry, the weekly check-in and the diary's one setting.

Choices come from the diary's words in the reader's language. Every message says what to do.
"""

from datetime import date, timedelta

from django import forms
from django.utils.translation import gettext_lazy as _

from waymark.diary.entries import OTHER, CheckIn, Entry, valid_id, week_id
from waymark.diary.vocabulary import Vocabulary
from waymark.web.text import clean_text

SHORT_TEXT = 200
THOUGHTS_TEXT = 1000
SCALE = [(str(n), str(n)) for n in range(11)]
REQUIRED = {
    "required": _("Please choose one."),
    "invalid_choice": _("Please choose one of the options shown."),
}


def _scale_field(label, required=True) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=SCALE,
        coerce=int,
        empty_value=None,
        required=required,
        error_messages={
            "required": _("Please choose a number from 0 to 10."),
            "invalid_choice": _("Please choose a number from 0 to 10."),
        },
    )


class TextField(forms.CharField):
    """Free text cleaned the way every free text is: Django's own field would refuse a NUL
    with a message the person cannot act on, as the character is invisible to them."""

    def to_python(self, value):
        return super().to_python(clean_text(value) if isinstance(value, str) else value)


def _short_text(label, limit=SHORT_TEXT) -> TextField:
    return TextField(
        label=label,
        required=False,
        max_length=limit,
        strip=False,
        error_messages={
            "max_length": _(
                "Please keep this under %(limit_value)d characters "
                "(you wrote %(show_value)d). A few words are enough."
            )
        },
    )


class EntryForm(forms.Form):
    entry_id = forms.CharField(widget=forms.HiddenInput)
    day = forms.ChoiceField(
        label=_("Which day?"),
        choices=[("today", _("Today")), ("yesterday", _("Yesterday")), ("date", _("Another day"))],
        error_messages=REQUIRED,
    )
    date = forms.DateField(
        label=_("Date"),
        required=False,
        error_messages={"invalid": _("Please give the date as year-month-day, e.g. 2025-03-31.")},
    )
    part = forms.ChoiceField(label=_("Part of the day"), error_messages=REQUIRED)
    situation = forms.ChoiceField(
        label=_("Where were you, what were you doing?"),
        error_messages={
            **REQUIRED,
            "required": _("Please choose the one closest to it, or “Somewhere else”."),
        },
    )
    situation_note = _short_text(_("In a few words (optional)"))
    emotions = forms.MultipleChoiceField(label=_("What did you feel?"), required=False)
    urge = _scale_field(_("How strong was the urge?"))
    thoughts = _short_text(_("What went through your mind? (optional)"), THOUGHTS_TEXT)
    actions = forms.MultipleChoiceField(label=_("What did you do?"), required=False)
    action_other = _short_text(_("Something else (optional)"))
    acted = forms.ChoiceField(
        label=_("Did you act on the urge?"),
        choices=[("no", _("No")), ("partly", _("Partly")), ("yes", _("Yes"))],
        error_messages=REQUIRED,
    )
    urge_after = _scale_field(_("How strong was the urge afterwards? (optional)"), False)

    def __init__(self, vocabulary: Vocabulary, today: date, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        self.fields["part"].choices = [(w.id, w.label) for w in vocabulary.parts_of_day]
        self.fields["situation"].choices = [
            *((w.id, w.label) for w in vocabulary.situations),
            (OTHER, _("Somewhere else, or something else")),
        ]
        self.fields["emotions"].choices = [(w.id, w.label) for w in vocabulary.emotions]
        self.fields["actions"].choices = [(w.id, w.label) for w in vocabulary.actions]
        for name in ("emotions", "actions"):
            self.fields[name].error_messages["invalid_choice"] = _(
                "Please choose only from the list."
            )

    def clean_entry_id(self) -> str:
        value = self.cleaned_data["entry_id"]
        if not valid_id(value):
            raise forms.ValidationError(_("This form is out of date. Please reload the page."))
        return value

    def clean(self):
        cleaned = super().clean()
        choice, day = cleaned.get("day"), cleaned.get("date")
        if choice == "date":
            if day is None and "date" not in self.errors:
                self.add_error("date", _("Please give the date, or choose today or yesterday."))
            elif day is not None and day > self.today + timedelta(days=1):
                self.add_error("date", _("This date is in the future. Please check it."))
            elif day is not None and day < self.today - timedelta(days=3 * 366):
                self.add_error("date", _("This date is more than three years ago."))
        return cleaned

    def entry_day(self) -> date:
        choice = self.cleaned_data["day"]
        if choice == "today":
            return self.today
        if choice == "yesterday":
            return self.today - timedelta(days=1)
        return self.cleaned_data["date"]

    def entry(self) -> Entry:
        data = self.cleaned_data
        return Entry(
            id=data["entry_id"],
            day=self.entry_day(),
            part=data["part"],
            situation=data["situation"],
            situation_note=data["situation_note"],
            emotions=tuple(data["emotions"]),
            urge=data["urge"],
            thoughts=data["thoughts"],
            actions=tuple(data["actions"]),
            action_other=data["action_other"],
            acted=data["acted"],
            urge_after=data["urge_after"],
        )

    @staticmethod
    def initial_for(entry: Entry, today: date) -> dict:
        if entry.day == today:
            day = {"day": "today"}
        elif entry.day == today - timedelta(days=1):
            day = {"day": "yesterday"}
        else:
            day = {"day": "date", "date": entry.day}
        record = entry.to_record()
        record.pop("v")
        record.pop("day")
        return {**record, **day, "entry_id": entry.id}


class CheckInForm(forms.Form):
    week = forms.ChoiceField(label=_("Which week?"), error_messages=REQUIRED)
    hours = forms.DecimalField(
        # Finnish and Spanish readers type a decimal comma; "2.5" keeps working too.
        localize=True,
        label=_("How many hours did you spend viewing CSAM this week?"),
        min_value=0,
        max_value=168,
        decimal_places=1,
        error_messages={
            "required": _("Please give a number of hours. 0 is a valid answer."),
            "invalid": _("Please give a number of hours, such as 0, 1 or 2.5."),
            "min_value": _("Please give 0 or more hours."),
            "max_value": _("A week has 168 hours. Please check the number."),
            "max_decimal_places": _("Please round to half or whole hours, such as 2.5."),
        },
    )
    lapse_days = forms.TypedChoiceField(
        label=_("On how many days did you act on an urge?"),
        choices=[(str(n), str(n)) for n in range(8)],
        coerce=int,
        error_messages={
            "required": _("Please choose a number of days from 0 to 7."),
            "invalid_choice": _("Please choose a number of days from 0 to 7."),
        },
    )
    urge = _scale_field(_("How strong were your urges on average?"))
    confidence = _scale_field(_("How confident are you that you can keep going?"))

    def __init__(self, weeks: list[tuple[str, str]], *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["week"].choices = weeks

    def checkin(self) -> CheckIn:
        data = self.cleaned_data
        return CheckIn(
            week=data["week"],
            hours=float(data["hours"]),
            lapse_days=data["lapse_days"],
            urge=data["urge"],
            confidence=data["confidence"],
        )


def recent_weeks(today: date) -> list[str]:
    """This week and last week: a check-in looks back, so late is fine, early is not."""
    return [week_id(today), week_id(today - timedelta(days=7))]


class SettingsForm(forms.Form):
    show_days_since = forms.BooleanField(
        label=_("Show how many days it has been since I last acted on an urge"),
        required=False,
    )
