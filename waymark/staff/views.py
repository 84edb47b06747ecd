"""Staff sign-in and sign-out, and the team page where members give each other access."""

import django_otp
from django.contrib.auth import get_user_model, login, logout
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from waymark.staff import operator, sections, teams
from waymark.staff.access import staff_only
from waymark.staff.forms import StaffLoginForm
from waymark.staff.models import TeamKeyShare
from waymark.web import daily
from waymark.web.derivations import Busy
from waymark.web.views import busy

RENEWED = "wm_staff_keys_renewed"


@sensitive_post_parameters("password", "code")
@require_http_methods(["GET", "POST"])
def staff_login(request):
    form = StaffLoginForm(request.POST or None)
    if request.method == "POST":
        try:
            valid = form.is_valid()
        except Busy:
            return busy(request)
        if valid:
            signed_in = form.signed_in
            login(request, signed_in.user, backend="django.contrib.auth.backends.ModelBackend")
            django_otp.login(request, signed_in.device)
            teams.keep_in_session(request.session, signed_in.team_keys)
            request.session[RENEWED] = signed_in.keys_renewed
            target = request.GET.get("next", "")
            if not url_has_allowed_host_and_scheme(target, {request.get_host()}):
                target = "staff-team"
            return redirect(target or "staff-team")
    return render(request, "staff/login.html", {"form": form})


@require_POST
def staff_logout(request):
    logout(request)
    return redirect("staff-login")


def _members(team: str) -> list[dict]:
    holders = set(
        TeamKeyShare.objects.filter(team_key__team=team).values_list("user_id", flat=True)
    )
    return [{"user": member, "holds_key": member.pk in holders} for member in teams.members(team)]


@staff_only()
@require_http_methods(["GET", "POST"])
def team(request):
    own_teams = teams.teams_of(request.user)
    if request.method == "POST":
        team_id = request.POST.get("team", "")
        member = get_user_model().objects.filter(pk=request.POST.get("member") or None).first()
        if (
            team_id not in own_teams
            or member is None
            or not teams.holds_key(request.session, team_id)
        ):
            raise PermissionDenied
        teams.give_access(request.session, team_id, member)
        return redirect("staff-team")
    labels = dict(teams.Team.choices)
    return render(
        request,
        "staff/team.html",
        {
            "sections": sections.for_user(request.user),
            "teams": [
                {
                    "id": team_id,
                    "label": labels[team_id],
                    "holds_key": teams.holds_key(request.session, team_id),
                    "members": _members(team_id),
                }
                for team_id in own_teams
            ],
            "renewed": request.session.get(RENEWED, False),
        },
    )


@staff_only(teams.OPERATOR)
@require_http_methods(["GET"])
def operator_page(request):
    runs = daily.last_runs()
    return render(
        request,
        "staff/operator.html",
        {
            "version": operator.version(),
            "problems": operator.content_problems(),
            "counts": operator.counts(),
            "runs": runs,
            "late": any(run.late for run in runs),
        },
    )
