"""A person takes a survey on a phone with JavaScript off; a researcher reads the figures."""

import pytest
from django.test import Client
from playwright.sync_api import expect

from waymark.surveys.definitions import get_survey
from waymark.surveys.models import Response
from waymark.surveys.responses import new_token, record_response
from waymark.surveys.tests.helpers import MOTIVATION, after_the_hour, typed_text

pytestmark = pytest.mark.browser

SENTINEL_AGENT = "SentinelAgent-7f3a9c"
SENTINEL_TEXT = "sentinel-words-5b21"


def test_a_survey_taken_from_start_to_end_without_javascript(
    page, axe_check, make_staff, database_dump
):
    researcher = Client()
    make_staff("rita", "research").sign_in(researcher)
    page.set_viewport_size({"width": 360, "height": 740})
    page.set_extra_http_headers({"User-Agent": SENTINEL_AGENT})
    page.goto(page.base_url + "/en/")
    page.get_by_role("link", name="Surveys", exact=True).click()
    axe_check(page)
    page.get_by_role("link", name="Motivation to change").click()
    expect(page.locator("main")).to_contain_text("cannot be linked to you or to your workspace")
    axe_check(page)
    page.get_by_role("button", name="I agree, start the survey").click()

    # A needed answer left out: the error is next to the question, the ticked box is kept.
    page.get_by_label("Shame").check()
    page.get_by_role("button", name="Next").click()
    assert page.locator("#f-q-sought-help-error").inner_text() == "Please answer this question."
    assert page.get_by_label("Shame").is_checked()
    axe_check(page)
    page.get_by_label("Yes, but I did not get the help I needed").check()
    page.get_by_role("button", name="Next").click()

    # Shown because of the answer before.
    page.get_by_label("A helpline or chat").check()
    page.get_by_label("Agree", exact=True).check()
    page.get_by_role("button", name="Next").click()

    want = page.get_by_role("group", name="How much do you want to stop")
    want.get_by_label("8", exact=True).check()
    page.locator("#f-q-tried-to-stop-yes").check()
    page.get_by_role("button", name="Next").click()

    page.get_by_label("About how many weeks did your longest break last?").fill("300")
    page.get_by_role("button", name="Next").click()
    expect(page.locator("main")).to_contain_text("from 0 to 200")
    assert (
        page.get_by_label("About how many weeks did your longest break last?").input_value()
        == "300"
    )
    # Back and forward keep what was given.
    page.get_by_role("button", name="Back").click()
    assert want.get_by_label("8", exact=True).is_checked()
    page.get_by_role("button", name="Next").click()
    page.get_by_label("About how many weeks did your longest break last?").fill("6")
    page.get_by_role("button", name="Next").click()

    page.get_by_label("An anonymous chat with a trained person").check()
    page.get_by_label("What would make it easier for you to get help?").fill(
        f"{SENTINEL_TEXT} see http://abcdefghijklmnop.onion/x"
    )
    axe_check(page)
    # The same last page open in a second tab, as after a reload or a resent form.
    twin = page.context.new_page()
    twin.goto(page.url)
    twin.get_by_label("None of these").check()
    page.get_by_role("button", name="Send my answers").click()
    assert page.locator("h1").inner_text() == "Thank you"
    axe_check(page)
    twin.get_by_role("button", name="Send my answers").click()
    assert twin.locator("h1").inner_text() == "Thank you"

    after_the_hour(MOTIVATION)
    [response] = Response.objects.all()
    assert response.answers["q-longest-break"] == {"chosen": "6"}
    assert response.answers["q-easier"] == {}
    assert typed_text(researcher, response)["q-easier"] == {
        "text": f"{SENTINEL_TEXT} see [removed]"
    }
    dump = database_dump()
    assert SENTINEL_AGENT.lower() not in dump
    assert "onion" not in dump
    box = page.locator("body").bounding_box()
    assert box["width"] <= 360


def test_stopping_a_survey_keeps_nothing(page, axe_check):
    page.goto(page.base_url + "/en/surveys/help-us-help-you/")
    page.get_by_role("button", name="I agree, start the survey").click()
    page.get_by_label("13 to 17").check()
    page.get_by_role("button", name="Stop and remove my answers").click()
    assert page.locator("h1").inner_text() == "You stopped the survey"
    axe_check(page)
    assert not Response.objects.exists()


def test_a_researcher_logs_in_with_a_code_and_reads_charts(page, axe_check, settings, make_staff):
    settings.WAYMARK_MIN_COUNT = 3
    rita = make_staff("rita", "research")
    survey = get_survey("help-us-help-you")
    for answer in ["yes", "yes", "yes", "no", "no", "no", "not-sure"]:
        record_response(survey, "en", {"q-before-thoughts": {"chosen": answer}}, new_token())
    said = {"q-anything-else": {"text": "Talking to someone helped me most"}}
    record_response(survey, "en", said, new_token())
    after_the_hour()

    page.goto(page.base_url + "/staff/")
    axe_check(page)
    page.get_by_label("User name").fill("rita")
    page.get_by_label("Password").fill(rita.password)
    page.get_by_label("Code from your authenticator app").fill(rita.code())
    page.get_by_role("button", name="Log in").click()
    assert page.locator("h1").inner_text() == "Teams and keys"
    expect(page.locator("main")).to_contain_text("You hold this team's key.")
    axe_check(page)
    page.get_by_role("link", name="Research", exact=True).click()
    assert page.locator("h1").inner_text() == "Research"
    axe_check(page)
    page.get_by_role("link", name="The way out: Waymark's research survey").click()
    chart = page.locator(
        "svg[aria-labelledby='chart-q-before-thoughts-title chart-q-before-thoughts-desc']"
    )
    expect(chart).to_have_count(1)
    axe_check(page)
    page.get_by_label("Rows: question").select_option("q-before-thoughts")
    page.get_by_label("Columns: question").select_option("q-before-masturbation")
    page.get_by_role("button", name="Show the cross-tab").click()
    assert "Cross-tab" in page.locator("h1").inner_text()
    axe_check(page)

    page.goto(page.base_url + "/staff/research/help-us-help-you/")
    page.get_by_role("link", name="1 response with free text awaits review").click()
    expect(page.locator("main")).to_contain_text("Talking to someone helped me most")
    axe_check(page)
    page.get_by_role("button", name="Release for export").click()
    expect(page.locator("main")).to_contain_text("Nothing awaits review.")
    assert Response.objects.get(answers__has_key="q-anything-else").text_review == "released"
