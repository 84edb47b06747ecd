"""A person who has made their plan and answered Exercises 5 to 8 prints the Summary Form: the
plan comes first, and it fits on a few sheets."""

import re

import pytest

from tests.browser.steps import save_exercise

pytestmark = pytest.mark.browser

EXERCISES = {
    "ex15-my-plan": "staying-on-track/my-plan",
    "ex5-yourself": "why-people-use/risk-factors-and-yourself",
    "ex6-relationships": "why-people-use/close-relationships",
    "ex7-daily-life": "why-people-use/daily-life",
    "ex8-values": "why-people-use/values",
}
ANSWER = "I notice this most in the evenings, when I am tired and alone. " * 3


def answer_everything(page, exercise_id: str, path: str) -> None:
    page.goto(f"{page.base_url}/en/{path}/")
    form = page.locator(f"#{exercise_id}")
    for field in form.locator("textarea").all():
        field.fill(f"{exercise_id.upper()} {ANSWER}")
    for field in form.locator("input[type=text]:not([name$='--other'])").all():
        field.fill("Go for a walk")
    for group in form.locator("fieldset").all():
        group.locator("input").first.check()
    save_exercise(page, exercise_id)


def test_the_printed_summary_starts_with_the_plan_and_takes_few_pages(page):
    for exercise_id, path in EXERCISES.items():
        answer_everything(page, exercise_id, path)
    page.goto(page.base_url + "/en/summary/summary-form/print/")
    headings = page.locator("main h2").all_inner_texts()
    assert headings[0] == "Your answers to Exercise 15: My plan"
    assert headings[1].startswith("Your answers to Exercise 5")
    pdf = page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 1 <= pages <= 4, pages


def test_on_a_phone_the_summary_form_shows_only_what_was_answered(page):
    answer_everything(page, "ex15-my-plan", EXERCISES["ex15-my-plan"])
    page.set_viewport_size({"width": 360, "height": 640})
    page.goto(page.base_url + "/en/why-people-use/summary-form/")
    summary = page.locator("#summary-form")
    assert summary.locator("h3").first.inner_text() == "Your answers to Exercise 15: My plan"
    # Exercises not begun take one line each, not one line per question.
    assert summary.get_by_text("Not answered yet.").count() == 4
    assert page.locator("body").bounding_box()["height"] < 9000
