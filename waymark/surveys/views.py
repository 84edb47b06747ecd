"""Taking a survey: list, consent, pages with back and forward, sending, thanks.

Answers stay in the person's sealed session until they send them; only then is one
anonymous response written (waymark/surveys/responses.py).
"""

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from waymark.surveys import flow
from waymark.surveys.answers import (
    merge,
    needs_crisis_help,
    page_fields,
    read_page,
    visible_pages,
)
from waymark.surveys.definitions import get_survey, surveys_for
from waymark.surveys.responses import already_recorded, new_token, record_response

TOKEN_FIELD = "submission"  # noqa: S105 - a form field name, not a secret


def _survey_for(survey_id: str):
    survey = get_survey(survey_id, get_language())
    if survey is None:
        raise Http404
    return survey


def survey_list(request):
    surveys = surveys_for(get_language()).values()
    return render(request, "surveys/survey_list.html", {"surveys": surveys})


def survey_detail(request, survey_id):
    survey = _survey_for(survey_id)
    current = flow.state(request.session, survey)
    answering = current is not None and "answers" in current
    return render(
        request,
        "surveys/survey_consent.html",
        {"survey": survey, "answering": answering, "first": flow.first_number(survey, {})},
    )


@require_POST
def survey_start(request, survey_id):
    survey = _survey_for(survey_id)
    current = flow.state(request.session, survey)
    if current is None or "answers" not in current:
        flow.save_state(request.session, survey, {"answers": {}, "token": None})
        current = flow.state(request.session, survey)
    return redirect(
        "surveys:page", survey_id=survey.id, number=flow.first_number(survey, current["answers"])
    )


@require_POST
def survey_stop(request, survey_id):
    survey = _survey_for(survey_id)
    flow.save_state(request.session, survey, None)
    return redirect("surveys:stopped", survey_id=survey.id)


def survey_stopped(request, survey_id):
    return render(request, "surveys/survey_stopped.html", {"survey": _survey_for(survey_id)})


def survey_thanks(request, survey_id):
    survey = _survey_for(survey_id)
    current = flow.state(request.session, survey) or {}
    crisis = current.get("crisis") or []
    # Sessions from before answers said what they disclose kept only "true" (self-harm).
    crisis = ["self-harm"] if crisis is True else crisis
    return render(request, "surveys/survey_thanks.html", {"survey": survey, "crisis": crisis})


def _render_page(request, survey, number, answers, fields, current):
    last = flow.next_number(survey, answers, number) is None
    if last and not current.get("token"):
        current["token"] = new_token()
        flow.save_state(request.session, survey, current)
    shown = [index + 1 for index in visible_pages(survey, answers)]
    return render(
        request,
        "surveys/page_answer.html",
        {
            "survey": survey,
            "page": survey.pages[number - 1],
            "number": number,
            "position": shown.index(number) + 1 if number in shown else 1,
            "pages_shown": len(shown),
            "fields": fields,
            "errors": [f for f in fields if f.error],
            "last": last,
            "token": current.get("token") if last else "",
            "crisis": needs_crisis_help(survey, answers),
            "token_field": TOKEN_FIELD,
        },
    )


@sensitive_post_parameters()
def page_answer(request, survey_id, number):
    survey = _survey_for(survey_id)
    page = flow.page_at(survey, number)
    if page is None:
        raise Http404
    current = flow.state(request.session, survey)
    if request.method == "POST" and (current is None or "answers" not in current):
        # A repeated submit after the answers were sent: the same thanks, nothing new.
        token = request.POST.get(TOKEN_FIELD, "")
        if token and already_recorded(token):
            return redirect("surveys:thanks", survey_id=survey.id)
    if current is None or "answers" not in current:
        return redirect("surveys:detail", survey_id=survey.id)
    answers = current["answers"]
    if not page.visible_questions(answers):
        target = flow.next_number(survey, answers, number) or flow.previous_number(
            survey, answers, number
        )
        return redirect("surveys:page", survey_id=survey.id, number=target or 1)
    if request.method != "POST":
        return _render_page(request, survey, number, answers, page_fields(page, answers), current)

    fields, given, valid = read_page(page, request.POST, answers)
    action = request.POST.get("action", "next")
    if action == "back":
        # Going back keeps what is valid and asks nothing of what is not.
        current["answers"] = merge(survey, answers, page, given)
        flow.save_state(request.session, survey, current)
        previous = flow.previous_number(survey, current["answers"], number)
        if previous is None:
            return redirect("surveys:detail", survey_id=survey.id)
        return redirect("surveys:page", survey_id=survey.id, number=previous)
    if not valid:
        return _render_page(request, survey, number, answers, fields, current)
    answers = current["answers"] = merge(survey, answers, page, given)
    flow.save_state(request.session, survey, current)
    following = flow.next_number(survey, answers, number)
    if following is not None:
        return redirect("surveys:page", survey_id=survey.id, number=following)
    return _send(request, survey, number, current)


def _send(request, survey, number, current):
    answers = current["answers"]
    token = request.POST.get(TOKEN_FIELD, "")
    if not token or token != current.get("token"):
        # The page became the last one through this page's answers: show it with its token.
        return redirect("surveys:page", survey_id=survey.id, number=number)
    unfinished = flow.first_unfinished(survey, answers)
    if unfinished is not None:
        return redirect("surveys:page", survey_id=survey.id, number=unfinished)
    record_response(survey, get_language(), answers, token)
    flow.save_state(
        request.session, survey, {"done": True, "crisis": needs_crisis_help(survey, answers)}
    )
    return redirect("surveys:thanks", survey_id=survey.id)
