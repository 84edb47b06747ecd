"""The reader's pages: before the first message, the conversation, writing, sharing.

Only from a kept workspace: replies wait there, sealed to it, and the passphrase is the only
way back to them. Someone without one is told how to keep their work first, and nothing is
stored for them. Views stay thin: sealing and states are conversations.py's and shares.py's.
"""

from functools import wraps

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, get_language_info, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from waymark.counsel import conversations, shares, texts
from waymark.web.text import clean_text
from waymark.workspace.store import store_for


def counsel_on(view):
    """Where the operator has not turned "Talk to a person" on, its pages do not exist."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not conversations.enabled():
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped


def _about() -> dict:
    return {
        "texts": texts.for_language(get_language()),
        "reply_days": settings.WAYMARK_COUNSEL_REPLY_DAYS,
        "languages": [
            get_language_info(code)["name_local"] for code in settings.WAYMARK_COUNSEL_LANGUAGES
        ],
        "longest": conversations.LONGEST,
    }


def _needs_workspace(request):
    return render(request, "counsel/workspace_needed.html")


def _intro(request, conversation=None):
    return render(
        request,
        "counsel/intro_show.html",
        {**_about(), "available": conversations.available(), "conversation": conversation},
    )


def _last_from_reader(messages):
    return messages[-1] if messages and messages[-1].kind == conversations.Kind.READER else None


def _write_context(conversation) -> dict:
    sent = conversations.sent_today(conversation) if conversation is not None else 0
    per_day = settings.WAYMARK_COUNSEL_MESSAGES_PER_DAY
    return {**_about(), "limit_reached": sent >= per_day, "per_day": per_day}


@require_GET
@counsel_on
def home(request):
    store = store_for(request)
    if not store.saved:
        return _needs_workspace(request)
    conversation = conversations.of_workspace(store.unlocked)
    if conversation is None:
        return _intro(request)
    messages = conversations.for_reader(store.unlocked, conversation)
    last = _last_from_reader(messages)
    conversations.mark_read(store, conversation)
    return render(
        request,
        "counsel/conversation_show.html",
        {
            **_write_context(conversation),
            "conversation": conversation,
            "messages": messages,
            "crisis": last.crisis if last else (),
            "shared": len(shares.for_reader(store.unlocked, conversation)),
            "text": "",
        },
    )


@require_GET
@counsel_on
def about(request):
    store = store_for(request)
    conversation = conversations.of_workspace(store.unlocked) if store.saved else None
    return _intro(request, conversation)


@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
@counsel_on
def write(request):
    store = store_for(request)
    if not store.saved:
        return _needs_workspace(request)
    conversation = conversations.of_workspace(store.unlocked)
    if conversation is None and not conversations.available():
        return _intro(request)
    text, error, crisis = "", "", ()
    if request.method == "POST":
        text = clean_text(request.POST.get("text", ""))
        error = conversations.problem_with(text)
        crisis = texts.crisis_in(text)
        if not error:
            try:
                conversations.send(store.unlocked, conversations.prepare(text), get_language())
            except conversations.LimitReached:
                error = _limit_message()
            except conversations.NoTeamKey:
                error = _(
                    "Nobody can receive messages here at the moment, so nothing was sent. Your "
                    "text is still here: copy it somewhere safe, or try again later."
                )
            except conversations.Gone:
                error = _(
                    "Your workspace is no longer open, so nothing was sent. Open it with "
                    "your passphrase and send your message again."
                )
            else:
                return redirect(reverse("counsel:home") + "#latest")
    context = _write_context(conversation)
    if text:
        # What was typed stays in the form, also when the day's messages are used up.
        context["limit_reached"] = False
    context.update({"conversation": conversation, "text": text, "error": error, "crisis": crisis})
    return render(request, "counsel/message_write.html", context)


def _limit_message() -> str:
    per_day = settings.WAYMARK_COUNSEL_MESSAGES_PER_DAY
    return ngettext(
        "You have sent %(count)d message today, as many as one day allows. Your text is "
        "still here: copy it somewhere safe, or send it tomorrow.",
        "You have sent %(count)d messages today, as many as one day allows. Your text is "
        "still here: copy it somewhere safe, or send it tomorrow.",
        per_day,
    ) % {"count": per_day}


def sharing(view):
    """For the share pages: (request, store, conversation), once the person has a kept
    workspace and a conversation to share into."""

    @wraps(view)
    def wrapped(request):
        store = store_for(request)
        if not store.saved:
            return _needs_workspace(request)
        conversation = conversations.of_workspace(store.unlocked)
        if conversation is None:
            return redirect("counsel:home")
        return view(request, store, conversation)

    return wrapped


@require_GET
@counsel_on
@sharing
def share_list(request, store, conversation):
    shared = {s.item: s for s in shares.for_reader(store.unlocked, conversation)}
    items = shares.shareable(store)
    rows = [
        {"item": item, "title": s.title, "shared": shared.get(item)} for item, s in items.items()
    ]
    gone = [s for item, s in shared.items() if item not in items]
    return render(request, "counsel/share_list.html", {"rows": rows, "gone": gone})


@require_POST
@counsel_on
@sharing
def share(request, store, conversation):
    item = request.POST.get("item", "")
    section = shares.shareable(store).get(item)
    if section is None:
        raise Http404
    shares.share(store.unlocked, conversation, item, section)
    return redirect("counsel:shares")


@require_POST
@counsel_on
@sharing
def withdraw(request, store, conversation):
    if not shares.withdraw(conversation, request.POST.get("share", "")):
        raise Http404
    return redirect("counsel:shares")
