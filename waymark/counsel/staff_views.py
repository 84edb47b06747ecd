"""The counsellors' pages: the inbox, a conversation, saved replies, and the load view.

Open only to signed-in members of the counselling team (waymark.staff.access); anyone else
signed in gets "not found". A member who does not hold the team key yet sees the inbox's days
and counts but no text, and can write nothing. A counsellor sees nothing about a person but
what they wrote and shared.
"""

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from waymark.counsel import conversations, load, shares, snippets
from waymark.counsel.models import Conversation
from waymark.counsel.views import counsel_on
from waymark.staff import teams
from waymark.staff.access import staff_only
from waymark.staff.models import Team
from waymark.web.text import clean_text

Status = Conversation.Status


def counsel_only(view):
    return counsel_on(staff_only(teams.ROLE_PERMISSIONS[Team.COUNSEL])(view))


def _holds_key(request) -> bool:
    return teams.holds_key(request.session, Team.COUNSEL)


def _days(conversation, today) -> int:
    return (today - conversation.waiting_since).days


@require_GET
@counsel_only
def inbox(request):
    today = conversations.today()
    rows = Conversation.objects.exclude(status=Status.CLOSED).select_related("assigned_to")
    waiting = [
        {"conversation": c, "days": _days(c, today)}
        for c in rows.filter(status=Status.WAITING).order_by("waiting_since", "id")
    ]
    others = rows.exclude(status=Status.WAITING).order_by("status", "id")
    return render(
        request,
        "counsel/inbox_list.html",
        {"waiting": waiting, "others": others, "holds_key": _holds_key(request)},
    )


def _conversation(conversation_id: str) -> Conversation:
    found = Conversation.objects.select_related("assigned_to").filter(id=conversation_id).first()
    if found is None:
        raise Http404
    return found


def _answer_page(request, conversation, reply_text="", reply_error="", note_text="", note_error=""):
    holds_key = _holds_key(request)
    session = request.session
    return render(
        request,
        "counsel/conversation_answer.html",
        {
            "conversation": conversation,
            "holds_key": holds_key,
            "messages": conversations.for_team(session, conversation) if holds_key else [],
            "shares": shares.for_team(session, conversation) if holds_key else [],
            "snippets": snippets.opened(session, conversation.language) if holds_key else [],
            "members": teams.members(Team.COUNSEL),
            "days": _days(conversation, conversations.today())
            if conversation.waiting_since
            else None,
            "reply_text": reply_text,
            "reply_error": reply_error,
            "note_text": note_text,
            "note_error": note_error,
            "longest": conversations.LONGEST,
        },
    )


def _back(conversation_id: str, anchor: str = ""):
    return redirect(reverse("staff-counsel-conversation", args=[conversation_id]) + anchor)


@require_GET
@counsel_only
def conversation(request, conversation_id):
    return _answer_page(request, _conversation(conversation_id))


def _keep(request, found: Conversation, name: str, write):
    """The text posted as `name` ("reply" or "note") checked and written with `write`, or the
    page again with the text and what is wrong with it. Without the key nothing is written."""
    if not _holds_key(request):
        return _back(found.id)
    text = clean_text(request.POST.get(name, ""))
    error = conversations.problem_with(text)
    if error:
        return _answer_page(request, found, **{f"{name}_text": text, f"{name}_error": error})
    try:
        write(request.session, found.id, request.user, text)
    except (conversations.Gone, conversations.NoTeamKey):
        raise Http404 from None
    return _back(found.id, "#latest")


def _insert_snippet(request, found: Conversation):
    text = clean_text(request.POST.get("reply", ""))
    saved = {s.id: s for s in snippets.opened(request.session, found.language)}
    chosen = saved.get(request.POST.get("snippet", ""))
    if chosen is None:
        error = _("Please choose one of the saved replies first.")
        return _answer_page(request, found, reply_text=text, reply_error=error)
    text = "\n\n".join(part for part in (text, chosen.text) if part)
    return _answer_page(request, found, reply_text=text)


@sensitive_post_parameters()
@require_POST
@counsel_only
def reply(request, conversation_id):
    """Send a reply, or (action "insert") add a saved reply to the text and show it again."""
    found = _conversation(conversation_id)
    if _holds_key(request) and request.POST.get("action") == "insert":
        return _insert_snippet(request, found)
    return _keep(request, found, "reply", conversations.reply)


@sensitive_post_parameters()
@require_POST
@counsel_only
def note(request, conversation_id):
    return _keep(request, _conversation(conversation_id), "note", conversations.note)


@require_POST
@counsel_only
def status(request, conversation_id):
    found = _conversation(conversation_id)
    if not conversations.set_status(found.id, request.POST.get("status", "")):
        raise Http404
    return redirect("staff-counsel")


@require_POST
@counsel_only
def hand_over(request, conversation_id):
    found = _conversation(conversation_id)
    chosen = request.POST.get("member", "")
    member = None
    if chosen:
        member = next((m for m in teams.members(Team.COUNSEL) if str(m.pk) == chosen), None)
        if member is None:
            raise Http404
    conversations.hand_over(found.id, member)
    return _back(found.id)


@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
@counsel_only
def snippet_list(request):
    holds_key = _holds_key(request)
    languages = settings.WAYMARK_COUNSEL_LANGUAGES
    form = {"language": languages[0], "title": "", "text": ""}
    errors = {}
    if request.method == "POST" and holds_key:
        form = {name: clean_text(request.POST.get(name, "")) for name in form}
        if form["language"] not in languages:
            errors["language"] = _("Please choose one of the languages shown.")
        if not form["title"]:
            errors["title"] = _("Please give the saved reply a short title.")
        elif len(form["title"]) > snippets.LONGEST_TITLE:
            errors["title"] = _("Please keep the title under 100 characters.")
        errors["text"] = conversations.problem_with(form["text"])
        errors = {name: error for name, error in errors.items() if error}
        if not errors:
            snippets.add(request.session, form["language"], form["title"], form["text"])
            return redirect("staff-counsel-snippets")
    return render(
        request,
        "counsel/snippet_list.html",
        {
            "holds_key": holds_key,
            "snippets": snippets.opened(request.session) if holds_key else [],
            "languages": [(code, get_language_info(code)["name_local"]) for code in languages],
            "form": form,
            "errors": errors,
            "longest": conversations.LONGEST,
        },
    )


@require_POST
@counsel_only
def snippet_delete(request, snippet_id):
    if not snippets.delete(snippet_id):
        raise Http404
    return redirect("staff-counsel-snippets")


@require_GET
@counsel_only
def load_show(request):
    return render(request, "counsel/load_show.html", {"load": load.load(conversations.today())})
