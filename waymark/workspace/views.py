"""The workspace pages: status, keep my work, open, log out, delete, the workbook.

Views stay thin: keys and records are workspaces.py's, the store is store.py's.
"""

import hmac

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from waymark.web.derivations import Busy
from waymark.workspace import passphrase, workspaces
from waymark.workspace.forms import PassphraseForm
from waymark.workspace.panels import workspace_panels
from waymark.workspace.store import forget, remember, store_for, unlocked_from
from waymark.workspace.workbook import workbook_sections

# The passphrase between "shown" and "typed back", inside the sealed session only.
PENDING = "wm_pending_passphrase"
RETRY_AFTER_SECONDS = 10
DONE_NOTES = frozenset({"saved", "opened", "logged-out", "deleted"})


def _home(done: str):
    return redirect(reverse("workspace:home") + f"?done={done}")


def _busy(request):
    response = render(request, "workspace/unlock_busy.html", status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def _context(request) -> dict:
    return {
        "saved": store_for(request).saved,
        "has_work": unlocked_from(request.session) is not None,
        "idle_minutes": settings.WAYMARK_SESSION_IDLE_MINUTES,
        "retention_days": settings.WAYMARK_WORKSPACE_RETENTION_DAYS,
    }


@require_GET
def home(request):
    done = request.GET.get("done")
    done = done if done in DONE_NOTES else None
    context = {**_context(request), "done": done, "panels": workspace_panels(store_for(request))}
    return render(request, "workspace/workspace_show.html", context)


@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
def save(request):
    if store_for(request).saved:
        return redirect("workspace:home")
    if request.method == "POST":
        request.session.setdefault(PENDING, passphrase.generate())
        return redirect("workspace:save")
    return render(
        request,
        "workspace/passphrase_create.html",
        {**_context(request), "passphrase": request.session.get(PENDING)},
    )


@sensitive_post_parameters("passphrase")
@require_http_methods(["GET", "POST"])
def passphrase_confirm(request):
    session = request.session
    if store_for(request).saved:
        return redirect("workspace:home")
    pending = session.get(PENDING)
    if not pending:
        return redirect("workspace:save")
    form = PassphraseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # Bytes: compare_digest refuses str with letters outside ASCII ("päivää").
        typed = form.cleaned_data["passphrase"].encode()
        if not hmac.compare_digest(typed, pending.encode()):
            form.add_error(
                "passphrase",
                _(
                    "That is not the passphrase shown. Check each word against what you "
                    "wrote down, or go back and look at it again."
                ),
            )
        else:
            unlocked = unlocked_from(session) or workspaces.new_workspace()
            try:
                if not workspaces.keep(unlocked, pending):
                    unlocked = workspaces.new_workspace()
                    workspaces.keep(unlocked, pending)
            except Busy:
                return _busy(request)
            del session[PENDING]
            session.cycle_key()
            remember(session, unlocked, saved=True)
            workspaces.attach_session(unlocked, session.session_key)
            return _home("saved")
    return render(request, "workspace/passphrase_confirm.html", {"form": form})


@sensitive_post_parameters("passphrase")
@require_http_methods(["GET", "POST"])
def open_workspace(request):
    session = request.session
    form = PassphraseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            unlocked = workspaces.unlock(form.cleaned_data["passphrase"])
        except Busy:
            return _busy(request)
        if unlocked is None:
            form.add_error(
                "passphrase",
                _(
                    "These words do not open a workspace. Check each word and try again. "
                    "Capital letters and spaces do not matter."
                ),
            )
        else:
            current = unlocked_from(session)
            if current and not store_for(request).saved and current != unlocked:
                workspaces.move_records(current, unlocked)
            session.pop(PENDING, None)
            session.cycle_key()
            remember(session, unlocked, saved=True)
            workspaces.attach_session(unlocked, session.session_key)
            return _home("opened")
    context = {**_context(request), "form": form}
    return render(request, "workspace/workspace_open.html", context)


@require_POST
def logout(request):
    unlocked = unlocked_from(request.session)
    if unlocked and not store_for(request).saved:
        # Unsaved answers could never be reached again: remove them now, not at expiry.
        workspaces.destroy(unlocked)
    forget(request.session)
    request.session.flush()
    return _home("logged-out")


@require_GET
def delete_confirm(request):
    return render(request, "workspace/workspace_delete.html", _context(request))


@require_POST
def delete(request):
    unlocked = unlocked_from(request.session)
    if unlocked:
        workspaces.destroy(unlocked)
    request.session.flush()
    return _home("deleted")


def _workbook_context(request) -> dict:
    return {**_context(request), "sections": workbook_sections(store_for(request))}


@require_GET
def workbook_print(request):
    return render(request, "workspace/workbook_print.html", _workbook_context(request))


def _attachment(body: str, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@require_GET
def download_html(request):
    body = render_to_string(
        "workspace/workbook_download.html", _workbook_context(request), request=request
    )
    return _attachment(body, "text/html; charset=utf-8", "notes.html")


@require_GET
def download_text(request):
    body = render_to_string("workspace/workbook_download.txt", _workbook_context(request))
    return _attachment(body, "text/plain; charset=utf-8", "notes.txt")
