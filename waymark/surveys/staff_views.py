"""Staff login (password and TOTP code) and the research views.

Research is open only to verified staff with the `surveys.view_research` permission; anyone
else who is logged in gets "not found", and anyone not logged in is sent to the login page.
"""

from datetime import date
from functools import wraps

import django_otp
from django.conf import settings
from django.contrib.auth import login, logout
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from waymark.surveys import intake, research
from waymark.surveys.definitions import get_survey, surveys_for
from waymark.surveys.forms import StaffLoginForm
from waymark.surveys.models import Response

PERMISSION = "surveys.view_research"


def research_only(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated or not user.is_verified():
            return redirect("staff-login")
        if not user.is_staff or not user.has_perm(PERMISSION):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped


def _survey(survey_id):
    survey = get_survey(survey_id)
    if survey is None:
        raise Http404
    return survey


@sensitive_post_parameters("password", "code")
def staff_login(request):
    form = StaffLoginForm(request, request.POST or None)
    if request.method == "POST" and form.is_valid():
        login(request, form.user)
        django_otp.login(request, form.device)
        target = request.GET.get("next", "")
        if not url_has_allowed_host_and_scheme(target, {request.get_host()}):
            target = ""
        if not target:
            target = "staff-research" if form.user.has_perm(PERMISSION) else "admin:index"
        return redirect(target)
    return render(request, "surveys/staff_login.html", {"form": form})


@require_POST
def staff_logout(request):
    logout(request)
    return redirect("staff-login")


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
    return render(
        request,
        "surveys/research_review.html",
        {
            "survey": survey,
            "batch": research.texts_to_review(survey),
            "waiting": research.waiting_for_review(survey),
        },
    )


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
    text = research.export(survey, kind, request.user.get_username())
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{survey.id}-{kind}.csv"'
    return response
