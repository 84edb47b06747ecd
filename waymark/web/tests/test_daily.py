"""The operator's daily timer runs `manage.py daily`: every app's job, one line each, and a
note of each job's last run that says nothing about anyone."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from waymark.web.models import DailyJobRun

pytestmark = pytest.mark.django_db


def run_daily() -> list[str]:
    out = io.StringIO()
    call_command("daily", stdout=out)
    return out.getvalue().splitlines()


def test_every_job_runs_and_says_what_it_did_in_one_short_line(settings):
    lines = run_daily()
    assert [line.split(":")[0] for line in lines] == list(settings.WAYMARK_DAILY_JOBS)
    assert max(len(line) for line in lines) <= 120
    assert "deleted 0 unused saved and 0 unsaved workspaces" in lines[0]


def test_each_job_s_last_run_keeps_only_its_day_and_outcome(settings):
    run_daily()
    runs = DailyJobRun.objects.order_by("job")
    assert [run.job for run in runs] == sorted(settings.WAYMARK_DAILY_JOBS)
    assert {(run.day, run.succeeded) for run in runs} == {(timezone.localdate(), True)}
    fields = {field.name for field in DailyJobRun._meta.get_fields()}
    assert fields == {"job", "day", "succeeded"}


def test_a_job_that_fails_does_not_stop_the_others_and_the_run_says_so(settings):
    # An operator's typo: a retention no calendar can count back.
    settings.WAYMARK_WORKSPACE_RETENTION_DAYS = 10**10
    out = io.StringIO()
    with pytest.raises(CommandError, match="1 of 4 daily jobs failed: workspaces"):
        call_command("daily", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0] == "workspaces: failed (OverflowError); the log has the details"
    assert [line.split(":")[0] for line in lines[1:]] == list(settings.WAYMARK_DAILY_JOBS)[1:]
    outcomes = dict(DailyJobRun.objects.values_list("job", "succeeded"))
    assert outcomes.pop("workspaces") is False
    assert set(outcomes.values()) == {True}


def test_a_later_run_replaces_the_note_of_the_last_one(settings):
    settings.WAYMARK_WORKSPACE_RETENTION_DAYS = 10**10
    with pytest.raises(CommandError):
        run_daily()
    settings.WAYMARK_WORKSPACE_RETENTION_DAYS = 180
    run_daily()
    assert DailyJobRun.objects.get(job="workspaces").succeeded is True
    assert DailyJobRun.objects.count() == len(settings.WAYMARK_DAILY_JOBS)
