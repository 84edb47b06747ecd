"""Staff log in with a password and a TOTP code; researchers see suppressed aggregates only."""

import csv
import io

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from waymark.surveys.definitions import get_survey
from waymark.surveys.models import ExportLog, Response
from waymark.surveys.responses import new_token, record_response
from waymark.surveys.tests.helpers import HELP_US, after_the_hour, typed_text

pytestmark = pytest.mark.django_db


def test_the_right_password_without_the_code_lets_nobody_in(client, researcher):
    response = researcher.sign_in(client, code="000000")
    assert "The user name, password or code is not right." in response.content.decode()
    assert client.get(reverse("staff-research"))["Location"] == reverse("staff-login")


def test_password_and_code_open_the_research_view_and_the_admin(client, researcher):
    researcher.sign_in(client)
    assert client.get(reverse("staff-research")).status_code == 200
    researcher.user.is_superuser = True
    researcher.user.save()
    assert client.get(reverse("admin:index")).status_code == 200


def test_logging_in_stores_no_login_time(client, researcher):
    researcher.sign_in(client)
    researcher.user.refresh_from_db()
    assert researcher.user.last_login is None


def test_the_admin_refuses_a_staff_member_without_a_verified_code(client, django_user_model):
    django_user_model.objects.create_superuser("root", password="a long staff password 1")
    client.login(username="root", password="a long staff password 1")
    assert client.get(reverse("admin:index")).status_code == 302


def test_the_admin_sends_staff_to_the_one_login_and_back(client, researcher):
    researcher.user.is_superuser = True
    researcher.user.save()
    wanted = reverse("admin:surveys_exportlog_changelist")
    to_login = client.get(wanted, follow=True).redirect_chain[-1][0]
    assert to_login == f"{reverse('staff-login')}?next={wanted}"
    assert client.post(reverse("admin:login"), {"username": "rita"}).status_code == 302
    response = client.post(
        to_login,
        {"username": "rita", "password": researcher.password, "code": researcher.code()},
    )
    assert response["Location"] == wanted
    assert client.get(wanted).status_code == 200


def test_people_who_are_not_researchers_get_nothing(client, make_staff):
    sam = make_staff("sam")
    survey_url = reverse("staff-research-survey", args=[HELP_US])
    export_url = reverse("staff-research-export", args=[HELP_US])
    anonymous = Client()
    assert anonymous.get(survey_url)["Location"] == reverse("staff-login")
    assert anonymous.post(export_url, {"kind": "responses"}).status_code in {302, 403}
    sam.sign_in(client)
    assert client.get(reverse("staff-research"), follow=True).status_code == 404
    assert client.get(survey_url, follow=True).status_code == 404
    assert client.post(export_url, {"kind": "responses"}, follow=True).status_code == 404
    assert ExportLog.objects.count() == 0


def fill(n: int, answer: str = "yes", text: str = "") -> None:
    survey = get_survey(HELP_US)
    for _ in range(n):
        answers = {"q-before-thoughts": {"chosen": answer}, "q-first-age": {"chosen": "13-17"}}
        if text:
            answers["q-anything-else"] = {"text": text}
        record_response(survey, "en", answers, new_token())
    after_the_hour()


def test_small_counts_are_hidden_in_charts_and_tables(research_client, settings):
    settings.WAYMARK_MIN_COUNT = 5
    fill(6, "yes")
    fill(2, "no")
    html = research_client.get(reverse("staff-research-survey", args=[HELP_US])).content.decode()
    assert "<svg" in html
    assert '<title id="chart-q-before-thoughts-title">' in html
    assert '<desc id="chart-q-before-thoughts-desc">8 people answered.</desc>' in html
    # "no" (2) is hidden, and "yes" with it, so the hidden 2 cannot be worked out from 8.
    section = html[
        html.index('id="h-q-before-thoughts"') : html.index('id="h-q-before-masturbation"')
    ]
    assert "<td>6</td>" not in section
    assert "<td>2</td>" not in section
    assert section.count("hidden") >= 2


def test_a_cross_tab_hides_cells_below_the_minimum(research_client, settings):
    settings.WAYMARK_MIN_COUNT = 5
    fill(7, "yes")
    fill(1, "no")
    url = reverse("staff-research-cross-tab", args=[HELP_US])
    html = research_client.get(url, {"first": "q-before-thoughts", "second": "q-first-age"})
    text = html.content.decode()
    assert ">1<" not in text
    assert ">7<" not in text
    assert ">8<" in text  # the total of everyone is large enough to show


def release_all_free_text(research_client) -> None:
    review = reverse("staff-research-review", args=[HELP_US])
    for response_id in Response.objects.filter(text_review="pending").values_list("id", flat=True):
        research_client.post(review, {"response": str(response_id), "decision": "release"})


def export_rows(research_client) -> list[dict]:
    response = research_client.post(
        reverse("staff-research-export", args=[HELP_US]), {"kind": "responses"}
    )
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_free_text_is_exported_only_after_a_reviewer_released_it(research_client):
    fill(1, text="I started when I was lonely")
    fill(1, text="my neighbour Pekka knows")
    fill(1)
    survey_page = research_client.get(reverse("staff-research-survey", args=[HELP_US])).text
    assert "2 responses with free text await review" in survey_page
    assert {row["q-anything-else"] for row in export_rows(research_client)} == {
        "[awaiting review]",
        "",
    }

    review = reverse("staff-research-review", args=[HELP_US])
    page = research_client.get(review).text
    assert "2 responses await review." in page
    assert "I started when I was lonely" in page
    assert "anything else you would like to tell us" in page
    ids = {
        typed_text(research_client, r)["q-anything-else"]["text"]: str(r.id)
        for r in Response.objects.filter(text_review="pending")
    }
    release = {"response": ids["I started when I was lonely"], "decision": "release"}
    withhold = {"response": ids["my neighbour Pekka knows"], "decision": "withhold"}
    assert research_client.post(review, release)["Location"] == review
    research_client.post(review, withhold)
    research_client.post(review, {**withhold, "decision": "release"})  # decided once, for good
    research_client.post(review, {"response": "not-a-uuid", "decision": "release"})

    assert "Nothing awaits review." in research_client.get(review).text
    assert sorted(row["q-anything-else"] for row in export_rows(research_client)) == [
        "",
        "I started when I was lonely",
        "[withheld]",
    ]
    withheld = Response.objects.get(id=withhold["response"])
    # Withheld from export, never changed.
    assert typed_text(research_client, withheld)["q-anything-else"]["text"] == (
        "my neighbour Pekka knows"
    )


def test_the_response_export_has_the_scrubbed_text_and_is_logged(research_client):
    fill(3, "yes", text="it started on example.com")
    release_all_free_text(research_client)
    response = research_client.post(
        reverse("staff-research-export", args=[HELP_US]), {"kind": "responses"}
    )
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 3
    assert rows[0]["q-anything-else"] == "it started on [removed]"
    assert rows[0]["q-before-thoughts"] == "yes"
    assert set(rows[0]) >= {"month", "language"}
    log = ExportLog.objects.get()
    assert (log.username, log.survey_id, log.kind) == ("rita", HELP_US, "responses")
    assert {f.name for f in ExportLog._meta.get_fields()} == {
        "id",
        "username",
        "day",
        "survey_id",
        "kind",
    }


def test_a_formula_typed_into_free_text_cannot_run_in_a_spreadsheet(research_client):
    fill(1, text="=HYPERLINK(1)")
    release_all_free_text(research_client)
    response = research_client.post(
        reverse("staff-research-export", args=[HELP_US]), {"kind": "responses"}
    )
    assert "'=HYPERLINK(1)" in response.content.decode()


def test_the_counts_export_leaves_small_cells_empty(research_client, settings):
    settings.WAYMARK_MIN_COUNT = 5
    fill(6, "yes")
    fill(1, "no")
    response = research_client.post(
        reverse("staff-research-export", args=[HELP_US]), {"kind": "summary"}
    )
    rows = [
        r
        for r in csv.DictReader(io.StringIO(response.content.decode()))
        if r["question"] == "q-before-thoughts"
    ]
    by_answer = {r["answer"]: r for r in rows}
    assert by_answer["no"]["count"] == ""
    assert by_answer["no"]["suppressed"] == "yes"
    assert by_answer["not-sure"]["count"] == "0"
    assert ExportLog.objects.get().kind == "summary"


def test_responses_leave_only_through_the_audited_export_not_the_admin(research_client, researcher):
    user = researcher.user
    user.user_permissions.add(*Permission.objects.filter(content_type__app_label="surveys"))
    fill(1)
    row = Response.objects.get()
    assert research_client.get(f"/staff/admin/surveys/response/{row.pk}/change/").status_code == 404
    assert research_client.get("/staff/admin/surveys/response/").status_code == 404
    export = reverse("staff-research-export", args=[HELP_US])
    assert research_client.post(export, {"kind": "responses"}).status_code == 200
    (entry,) = ExportLog.objects.all()
    assert research_client.get(reverse("admin:surveys_exportlog_changelist")).status_code == 200
    delete = reverse("admin:surveys_exportlog_delete", args=[entry.pk])
    assert research_client.post(delete, {"post": "yes"}).status_code == 403
    assert ExportLog.objects.count() == 1


def test_the_login_page_asks_for_the_code_and_needs_few_queries(
    client, researcher, django_assert_max_num_queries
):
    with django_assert_max_num_queries(2):
        html = client.get(reverse("staff-login")).content.decode()
    assert 'name="code"' in html
    assert 'inputmode="numeric"' in html
