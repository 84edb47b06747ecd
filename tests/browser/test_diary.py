"""A person on a phone with JavaScript off notes a moment, sees the chain, and their patterns."""

import pytest
from playwright.sync_api import expect

from tests.browser.steps import group, note_a_moment

pytestmark = pytest.mark.browser


def test_a_moment_is_noted_seen_as_a_chain_changed_and_deleted(page, axe_check):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(page.base_url + "/en/diary/")
    axe_check(page)
    page.get_by_role("link", name="Note a moment").first.click()
    expect(page.locator(".workspace-status")).to_have_count(1)
    assert page.locator("body").bounding_box()["width"] <= 360
    axe_check(page)
    page.goto(page.base_url + "/en/diary/")
    note_a_moment(page)
    assert page.locator("h1").inner_text() == "Entry saved"
    axe_check(page)

    page.get_by_role("link", name="See this moment as a chain").click()
    steps = page.locator("ol.chain > li")
    expect(steps).to_have_count(5)
    assert "In bed at night" in steps.nth(0).inner_text()
    assert "It is only this once" in steps.nth(1).inner_text()
    assert "Lonely, Restless" in steps.nth(2).inner_text()
    assert "Strength 8 of 10" in steps.nth(3).inner_text()
    assert "Took a shower" in steps.nth(4).inner_text()
    answer = steps.nth(1).get_by_role("link", name="Exercise 11: Answer the thoughts")
    assert answer.get_attribute("href") == "/en/exercise/ex11-answer-the-thoughts/"
    axe_check(page)

    page.get_by_role("link", name="Change this entry").click()
    assert page.get_by_label("What went through your mind? (optional)").input_value() == (
        "It is only this once"
    )
    group(page, "How strong was the urge?").get_by_label("5", exact=True).check()
    page.get_by_role("button", name="Save entry").click()
    page.get_by_role("link", name="Back to the diary").click()
    expect(page.locator("main")).to_contain_text("Urge 5 of 10")
    expect(page.get_by_role("link", name="See it as a chain")).to_have_count(1)

    page.get_by_role("link", name="Delete").click()
    assert page.locator("h1").inner_text() == "Delete this entry?"
    axe_check(page)
    page.get_by_role("button", name="Delete entry").click()
    expect(page.locator("main")).to_contain_text("No entries yet")


def test_missing_answers_are_shown_next_to_the_questions_and_typing_is_kept(page, axe_check):
    page.goto(page.base_url + "/en/diary/new/")
    page.get_by_label("In a few words (optional)").fill("on the sofa")
    page.get_by_label("What went through your mind? (optional)").fill("nobody would know")
    page.get_by_role("button", name="Save entry").click()
    summary = page.locator(".errorlist-summary")
    assert "Please check these answers" in summary.inner_text()
    urge = group(page, "How strong was the urge?")
    assert "Please choose a number from 0 to 10." in urge.inner_text()
    assert urge.locator("input").first.get_attribute("aria-invalid") == "true"
    assert page.get_by_label("In a few words (optional)").input_value() == "on the sofa"
    assert page.get_by_label("What went through your mind? (optional)").input_value() == (
        "nobody would know"
    )
    axe_check(page)


def test_a_long_text_is_explained_and_an_enormous_one_is_refused(page):
    page.goto(page.base_url + "/en/diary/new/")
    page.get_by_label("What went through your mind? (optional)").fill("a" * 1200)
    page.get_by_role("button", name="Save entry").click()
    expect(page.locator("main")).to_contain_text(
        "Please keep this under 1000 characters (you wrote 1200)"
    )
    assert len(page.get_by_label("What went through your mind? (optional)").input_value()) == 1200
    page.get_by_label("What went through your mind? (optional)").fill("a" * 100_000)
    page.get_by_role("button", name="Save entry").click()
    assert page.locator("h1").inner_text() == "That did not work"


def test_acting_on_the_urge_leads_to_a_calm_page_and_the_staying_on_track_chapter(page, axe_check):
    page.goto(page.base_url + "/en/diary/")
    note_a_moment(page, acted="Yes")
    assert page.locator("h1").inner_text() == "You noted that you acted on the urge"
    expect(page.locator("main")).to_contain_text("does not wipe out the progress")
    axe_check(page)
    page.get_by_role("link", name="Read: After a lapse").click()
    assert page.url.endswith("/en/staying-on-track/after-a-lapse/")
    expect(page.locator("main")).to_contain_text("Five steps after a lapse")


def test_patterns_check_in_and_the_day_count(page, axe_check):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(page.base_url + "/en/diary/")
    note_a_moment(page, acted="Partly")
    page.goto(page.base_url + "/en/diary/")
    note_a_moment(page)

    page.get_by_role("link", name="Back to the diary").click()
    page.get_by_role("link", name="Weekly check-in").click()
    axe_check(page)
    page.get_by_label("How many hours did you spend viewing CSAM this week?").fill("0")
    group(page, "On how many days did you act on an urge?").get_by_label("1", exact=True).check()
    group(page, "How strong were your urges on average?").get_by_label("4", exact=True).check()
    group(page, "How confident are you that you can keep going?").get_by_label(
        "7", exact=True
    ).check()
    page.get_by_role("button", name="Save check-in").click()
    expect(page.locator("main")).to_contain_text("That is a real achievement")
    axe_check(page)

    page.get_by_role("link", name="See how your weeks compare").click()
    charts = page.locator("svg[role=img]")
    expect(charts).to_have_count(6)
    for index in range(charts.count()):
        assert charts.nth(index).bounding_box()["width"] <= 360
    assert page.get_by_role("img", name="Urge strength over time").is_visible()
    assert page.locator("body").bounding_box()["width"] <= 360
    expect(page.locator("main")).not_to_contain_text("since you last noted")
    axe_check(page)

    page.get_by_role("link", name="Choose what this page shows").click()
    axe_check(page)
    page.get_by_label("Show how many days it has been since I last acted on an urge").check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator("main")).to_contain_text("0 days since you last noted acting on an urge")
