"""The operator opens one page to see how the service runs: the version, the content check,
totals and the daily jobs' last runs. Nothing on it is about any person."""

import io
import re
import shutil
import tomllib
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import answer, keep_work
from waymark.surveys.definitions import get_survey
from waymark.surveys.responses import new_token, record_response
from waymark.surveys.tests.helpers import HELP_US
from waymark.web.models import DailyJobRun

pytestmark = pytest.mark.django_db
OPERATOR = reverse("staff-operator")
ROW = re.compile(r'<tr><th scope="row">([^<]+)</th><td>(\d+)</td></tr>')
SENTENCE = "a sentence only this reader wrote"


def counts_on(page: str) -> dict[str, int]:
    return {label: int(number) for label, number in ROW.findall(page)}


def test_an_operator_sees_the_version_the_content_check_totals_and_the_daily_jobs(
    make_staff, client, fast_kdf
):
    olga, rita = make_staff("olga", "operator"), make_staff("rita", "research")
    reader = Client()
    answer(reader, "answer", "ex5", {"text": SENTENCE})
    keep_work(reader)
    record_response(get_survey(HELP_US), "en", {"q-first-age": {"chosen": "18-24"}}, new_token())
    call_command("daily", stdout=io.StringIO())

    olga.sign_in(client)
    page = client.get(OPERATOR).text

    version = tomllib.loads((settings.BASE_DIR / "pyproject.toml").read_text())["project"]
    assert f"Waymark version {version['version']}" in page
    assert "The content check passes." in page
    counts = counts_on(page)
    assert counts["Saved workspaces"] == 1
    assert counts["Survey responses waiting for their hour"] == 1
    assert counts["Survey responses counted"] == 0
    assert counts["Staff members"] == 2
    assert counts["Members of the team: Research"] == 1
    assert counts["Operators"] == 1
    for job in settings.WAYMARK_DAILY_JOBS:
        assert f"<code>{job}</code>" in page
    assert page.count("Went well") == len(settings.WAYMARK_DAILY_JOBS)
    assert SENTENCE not in page
    assert rita.user.get_username() not in page


def test_the_operator_page_is_in_the_staff_bar_of_operators_only(make_staff):
    olga, rita = make_staff("olga", "operator"), make_staff("rita", "research")
    operator, researcher = Client(), Client()
    olga.sign_in(operator)
    rita.sign_in(researcher)
    assert f'href="{OPERATOR}"' in operator.get(reverse("staff-team")).text
    assert f'href="{OPERATOR}"' not in researcher.get(reverse("staff-team")).text
    assert researcher.get(OPERATOR, follow=True).status_code == 404


def test_a_superuser_may_open_it_and_nobody_signed_out(make_staff, client):
    assert client.get(OPERATOR)["Location"] == reverse("staff-login")
    make_staff("ada", superuser=True).sign_in(client)
    assert client.get(OPERATOR).status_code == 200


def test_broken_content_is_named_with_its_file_and_line(make_staff, client, settings, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(settings.WAYMARK_CONTENT_DIR, content)
    page = next((content / "en" / "chapters").glob("06-*/01-*.md"))
    page.write_text(page.read_text() + "\n```bogus\nx: 1\n```\n")
    settings.WAYMARK_CONTENT_DIR = content
    make_staff("olga", "operator").sign_in(client)
    shown = client.get(OPERATOR).text
    assert "The content check finds 1 problem." in shown
    assert f"{page.name}:" in shown
    assert "unknown block type" in shown


def test_a_job_that_has_not_run_since_before_yesterday_is_pointed_out(make_staff, client):
    make_staff("olga", "operator").sign_in(client)
    assert "Never" in client.get(OPERATOR).text
    DailyJobRun.objects.create(
        job="workspaces", day=timezone.localdate() - timedelta(days=3), succeeded=False
    )
    page = client.get(OPERATOR).text
    assert "Failed: the log has the details" in page
    assert "has not run since before yesterday" in page
