"""The urge diary's pages. Records live only in the person's store (workspace.store)."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods

from waymark import links
from waymark.diary import patterns, report
from waymark.diary.describe import describe, week_text
from waymark.diary.entries import (
    CHECKIN,
    ENTRY,
    SETTINGS,
    SETTINGS_ID,
    CheckIn,
    Entry,
    checkins_from,
    entries_from,
    new_id,
    week_id,
)
from waymark.diary.forms import CheckInForm, EntryForm, SettingsForm, recent_weeks
from waymark.diary.vocabulary import for_language
from waymark.workspace.store import store_for


def _vocabulary():
    return for_language(get_language())


def _entry_or_404(store, entry_id: str) -> Entry:
    """Only the asking person's own entries exist; anything else is "not found"."""
    record = store.get(ENTRY, entry_id)
    if record is None:
        raise Http404
    return Entry.from_record(entry_id, record)


def _show_days_since(store) -> bool:
    return bool((store.get(SETTINGS, SETTINGS_ID) or {}).get("show_days_since"))


@require_GET
def home(request):
    store = store_for(request)
    vocabulary = _vocabulary()
    entries = entries_from(store.all(ENTRY))
    this_week = week_id(timezone.localdate())
    return render(
        request,
        "diary/entry_list.html",
        {
            "entries": [describe(entry, vocabulary) for entry in entries],
            "total": len(entries),
            "checked_in": store.get(CHECKIN, this_week) is not None,
        },
    )


def _entry_form_page(request, form, entry: Entry | None = None):
    vocabulary = _vocabulary()
    return render(
        request,
        "diary/entry_edit.html",
        {"form": form, "entry": entry, "vocabulary": vocabulary},
    )


def _save_entry(request, form: EntryForm):
    entry = form.entry()
    store_for(request).put(ENTRY, entry.id, entry.to_record())
    return redirect("diary:entry-saved", entry_id=entry.id)


@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
def entry_new(request):
    """The record id comes with the form, so a second submit updates the same entry."""
    today = timezone.localdate()
    if request.method == "POST":
        form = EntryForm(_vocabulary(), today, request.POST)
        if form.is_valid():
            return _save_entry(request, form)
    else:
        form = EntryForm(_vocabulary(), today, initial={"entry_id": new_id(), "day": "today"})
    return _entry_form_page(request, form)


@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
def entry_edit(request, entry_id):
    store = store_for(request)
    entry = _entry_or_404(store, entry_id)
    today = timezone.localdate()
    if request.method == "POST":
        data = request.POST.copy()
        data["entry_id"] = entry.id
        form = EntryForm(_vocabulary(), today, data)
        if form.is_valid():
            return _save_entry(request, form)
    else:
        form = EntryForm(_vocabulary(), today, initial=EntryForm.initial_for(entry, today))
    return _entry_form_page(request, form, entry)


@require_GET
def entry_saved(request, entry_id):
    entry = _entry_or_404(store_for(request), entry_id)
    return render(
        request,
        "diary/entry_saved.html",
        {
            "entry": entry,
            "vocabulary": _vocabulary(),
            "after_a_lapse": links.DIARY_AFTER_A_LAPSE,
        },
    )


@require_http_methods(["GET", "POST"])
def entry_delete(request, entry_id):
    """GET asks to confirm; POST deletes. A repeated POST finds it gone and is still fine."""
    store = store_for(request)
    if request.method == "POST":
        store.delete(ENTRY, entry_id)
        return redirect("diary:home")
    entry = _entry_or_404(store, entry_id)
    return render(request, "diary/entry_delete.html", {"entry": describe(entry, _vocabulary())})


@require_GET
def chain(request, entry_id):
    vocabulary = _vocabulary()
    entry = _entry_or_404(store_for(request), entry_id)
    return render(
        request,
        "diary/chain_show.html",
        {
            "entry": describe(entry, vocabulary),
            "vocabulary": vocabulary,
            "step_in": {
                link: [(exercise, vocabulary.exercises[exercise]) for exercise in exercises]
                for link, exercises in links.DIARY_STEP_IN.items()
            },
        },
    )


@require_GET
def patterns_show(request):
    store = store_for(request)
    vocabulary = _vocabulary()
    entries = entries_from(store.all(ENTRY))
    checkins = checkins_from(store.all(CHECKIN))
    show_days_since = _show_days_since(store)
    return render(
        request,
        "diary/patterns_show.html",
        {
            "entries": entries,
            "figures": report.entry_figures(entries, vocabulary),
            "checkin_figures": report.checkin_figures(checkins),
            "show_days_since": show_days_since,
            "days_since": patterns.days_since_last_lapse(entries, timezone.localdate())
            if show_days_since
            else None,
            "vocabulary": vocabulary,
        },
    )


@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
def checkin(request):
    """One check-in per ISO week: saving again for a week replaces its answers."""
    store = store_for(request)
    weeks = recent_weeks(timezone.localdate())
    choices = [(week, week_text(week)) for week in weeks]
    if request.method == "POST":
        form = CheckInForm(choices, request.POST)
        if form.is_valid():
            answer = form.checkin()
            store.put(CHECKIN, answer.week, answer.to_record())
            return redirect(f"{request.path}?week={answer.week}#saved")
    else:
        week = request.GET.get("week") if request.GET.get("week") in weeks else weeks[0]
        record = store.get(CHECKIN, week)
        initial = {"week": week}
        if record is not None:
            saved = CheckIn.from_record(week, record)
            initial.update(saved.to_record())
            initial["hours"] = f"{saved.hours:g}"
        form = CheckInForm(choices, initial=initial)
    week = form["week"].value()
    record = store.get(CHECKIN, week) if week in weeks else None
    return render(
        request,
        "diary/checkin_edit.html",
        {
            "form": form,
            "saved": CheckIn.from_record(week, record) if record else None,
            "vocabulary": _vocabulary(),
        },
    )


@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
def diary_settings(request):
    store = store_for(request)
    if request.method == "POST":
        form = SettingsForm(request.POST)
        if form.is_valid():
            store.put(SETTINGS, SETTINGS_ID, {"v": 1, **form.cleaned_data})
            return redirect("diary:patterns")
    else:
        form = SettingsForm(initial={"show_days_since": _show_days_since(store)})
    return render(request, "diary/settings_edit.html", {"form": form})
