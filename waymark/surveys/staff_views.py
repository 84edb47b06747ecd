"""The research views, open only to signed-in members of the research team.

Anyone else who is signed in gets "not found", and anyone not signed in is sent to the staff
sign-in page (waymark.staff.access).
"""

from datetime import date

from django.conf import settings
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from waymark.staff.access import staff_only
from waymark.staff.models import Team
from waymark.staff.teams import ROLE_PERMISSIONS
from waymark.surveys import intake, research, sealed_text
from waymark.surveys.definitions import get_survey, surveys_for
from waymark.surveys.models import Response

research_only = staff_only(ROLE_PERMISSIONS[Team.RESEARCH])


def _survey(survey_id):
    survey = get_survey(survey_id)
    if survey is None:
        raise Http404
    return survey


@research_only
def research_index(request):
    counts = dict(
        Response.objects.values_list("survey_id")
        .annotate(n=Count("id"))
        .values_list("survey_id", "n")
    )
    surveys = [(survey, counts.get(survey.id, 0)) for survey in surveys_for().values()]
    return render(request, "surveys/research_index.html", {"surveys": surveys})


@research_only
def research_survey(request, survey_id):
    survey = _survey(survey_id)
    intake.settle(survey)
    return render(
        request,
        "surveys/research_survey.html",
        {
            "survey": survey,
            "summaries": research.summaries(survey),
            "choice_questions": research.choice_questions(survey),
            "minimum": settings.WAYMARK_MIN_COUNT,
            "waiting": research.waiting_for_review(survey),
            "held": sum(n for _day, n in intake.held_batches(survey)),
        },
    )


@research_only
def research_cross_tab(request, survey_id):
    survey = _survey(survey_id)
    choices = {q.id: q for q in research.choice_questions(survey)}
    first, second = choices.get(request.GET.get("first")), choices.get(request.GET.get("second"))
    table = None
    if first is not None and second is not None and first != second:
        table = research.cross_tab_rows(
            research.survey_cross_tab(survey, first, second), first, second
        )
    return render(
        request,
        "surveys/research_cross_tab.html",
        {
            "survey": survey,
            "first": first,
            "second": second,
            "table": table,
            "minimum": settings.WAYMARK_MIN_COUNT,
            "choice_questions": choices.values(),
        },
    )


@research_only
def research_review(request, survey_id):
    """Free text read before export: release it, or withhold it for good."""
    survey = _survey(survey_id)
    if request.method == "POST":
        release = request.POST.get("decision") == "release"
        research.review_text(survey, request.POST.get("response", ""), release)
        return redirect("staff-research-review", survey.id)
    try:
        batch = research.texts_to_review(survey, request.session)
    except sealed_text.NoTeamKey:
        return _no_research_key(request, survey)
    return render(
        request,
        "surveys/research_review.html",
        {"survey": survey, "batch": batch, "waiting": research.waiting_for_review(survey)},
    )


def _no_research_key(request, survey):
    """Free text is sealed for the research team: without its key there is nothing to read."""
    return render(request, "surveys/research_no_key.html", {"survey": survey}, status=403)


@research_only
def research_held(request, survey_id):
    """Responses held out of every count because they came in a burst, by day."""
    survey = _survey(survey_id)
    intake.settle(survey)
    return render(
        request,
        "surveys/research_held.html",
        {
            "survey": survey,
            "batches": intake.held_batches(survey),
            "waiting": intake.waiting_now(survey),
            "rate": settings.WAYMARK_SURVEY_BURST_PER_HOUR,
        },
    )


HELD_DECISIONS = {"release": intake.release, "discard": intake.discard}


@research_only
def research_held_decide(request, survey_id, day, decision):
    """Asks, then releases or discards one day's held responses.

    The form carries the number it asked about: when more were held on that day meanwhile,
    the question is asked again with the new number. Once nothing is left, a repeated POST
    changes nothing.
    """
    survey = _survey(survey_id)
    try:
        held_day = date.fromisoformat(day)
    except ValueError:
        raise Http404 from None
    if decision not in HELD_DECISIONS:
        raise Http404
    intake.settle(survey)
    held = intake.held_on(survey, held_day)
    if not held:
        return redirect("staff-research-held", survey.id)
    changed = request.method == "POST" and request.POST.get("count") != str(held)
    if request.method == "POST" and not changed:
        HELD_DECISIONS[decision](survey, held_day)
        return redirect("staff-research-held", survey.id)
    return render(
        request,
        "surveys/research_held_confirm.html",
        {"survey": survey, "day": held_day, "decision": decision, "held": held, "changed": changed},
    )


@require_POST
@research_only
def research_export(request, survey_id):
    survey = _survey(survey_id)
    kind = request.POST.get("kind")
    if kind not in research.EXPORTS:
        raise Http404
    try:
        text = research.export(survey, kind, request.user.get_username(), request.session)
    except sealed_text.NoTeamKey:
        return _no_research_key(request, survey)
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{survey.id}-{kind}.csv"'
    return response
