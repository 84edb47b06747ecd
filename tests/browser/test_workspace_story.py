"""A person keeps their work with a passphrase, comes back, and deletes it all, with
JavaScript off; afterwards the database and the logs hold nothing they wrote
(SECURITY.md 2, 4, 5, 6, 11, 14, 17)."""

import base64
import itertools
import logging
import re

import pytest
from playwright.sync_api import expect

from tests.browser.steps import note_a_moment, save_exercise
from waymark.workspace import passphrase, workspaces
from waymark.workspace.sessions import SessionStore
from waymark.workspace.store import DATA_KEY

pytestmark = pytest.mark.browser

ANSWER = "When I feel lonely late at night I open the laptop, sentinel-7Q2."
DIARY = "Walked to the kitchen and called my brother instead, sentinel-K8P."


def _cookie(page, name):
    return next(c["value"] for c in page.context.cookies() if c["name"] == name)


def _write_answers(page):
    """Answers an exercise and notes a moment in the diary, through their own forms."""
    page.goto(page.base_url + "/en/why-people-use/risk-factors-and-yourself/")
    page.locator("#ex5-yourself textarea").first.fill(ANSWER)
    save_exercise(page, "ex5-yourself")
    page.goto(page.base_url + "/en/diary/")
    note_a_moment(page, thoughts=DIARY)


def _find_answers(page):
    page.goto(page.base_url + "/en/why-people-use/risk-factors-and-yourself/")
    assert page.locator("#ex5-yourself textarea").first.input_value() == ANSWER
    page.goto(page.base_url + "/en/diary/")
    page.get_by_role("link", name="See it as a chain").first.click()
    expect(page.locator("main")).to_contain_text(DIARY)


def _data_key(page) -> bytes:
    return base64.urlsafe_b64decode(SessionStore(_cookie(page, "wm_session")).load()[DATA_KEY])


@pytest.fixture
def captured_logs(caplog):
    names = ["", "django", "django.request", "django.server", "django.db.backends", "waymark"]
    loggers = [logging.getLogger(name) for name in names]
    previous = [(logger.level, logger.handlers[:]) for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.DEBUG)
        if caplog.handler not in logger.handlers:
            logger.addHandler(caplog.handler)
    caplog.handler.setLevel(logging.DEBUG)
    yield caplog
    for logger, (level, handlers) in zip(loggers, previous, strict=True):
        logger.setLevel(level)
        logger.handlers = handlers


def _assert_nothing_personal(text: str, phrase: str, data_key: bytes) -> None:
    text = text.lower()
    for sentinel in ("sentinel-7q2", "sentinel-k8p", "lonely late at night", "my brother"):
        assert sentinel not in text
    words = phrase.split()
    for first, second in itertools.pairwise(words):
        assert not re.search(rf"{first}\W{{1,3}}{second}", text), (first, second)
    for form in (
        data_key.hex(),
        base64.urlsafe_b64encode(data_key).decode().lower(),
        base64.b64encode(data_key).decode().lower(),
        data_key.decode("latin-1").lower(),
    ):
        assert form not in text


def test_keep_my_work_come_back_find_it_delete_it_and_nothing_is_left(
    page, axe_check, captured_logs, database_dump
):
    base = page.base_url + "/en/workspace/"
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(base)
    expect(page.locator("main")).to_contain_text("Your answers are not kept")
    axe_check(page)
    _write_answers(page)
    page.goto(base)

    page.get_by_role("link", name="Keep my work").click()
    expect(page.locator("main")).to_contain_text("no e-mail address")
    axe_check(page)
    page.get_by_role("button", name="Make my passphrase").click()
    phrase = page.locator("#passphrase").inner_text().strip()
    assert len(phrase.split()) == 7
    expect(page.locator("main")).to_contain_text("no way to recover it")
    assert page.locator("body").bounding_box()["width"] <= 360
    axe_check(page)

    page.get_by_role("link", name="I have written it down").click()
    axe_check(page)
    page.get_by_label("Your passphrase").fill("abacus abdomen")
    page.get_by_role("button", name="Save my work").click()
    assert "That is not the passphrase shown" in page.inner_text(".errorlist-summary")
    assert page.get_by_label("Your passphrase").get_attribute("aria-invalid") == "true"
    axe_check(page)
    page.get_by_label("Your passphrase").fill(phrase.upper())
    page.get_by_role("button", name="Save my work").click()
    expect(page.locator("main")).to_contain_text("Your work is saved")
    axe_check(page)

    page.get_by_role("button", name="Log out").click()
    expect(page.locator("main")).to_contain_text("You are logged out")
    page.goto(base + "workbook/print/")
    expect(page.locator("main")).not_to_contain_text(ANSWER)

    page.goto(base)
    page.get_by_role("link", name="I have a passphrase").click()
    axe_check(page)
    page.get_by_label("Your passphrase").fill("  " + phrase.replace(" ", "\n") + " ")
    page.get_by_role("button", name="Open").click()
    expect(page.locator("main")).to_contain_text("Your workspace is open")
    assert all(phrase not in url for url in page.requests)

    data_key = _data_key(page)
    _find_answers(page)
    page.goto(base + "workbook/print/")
    expect(page.locator("main")).to_contain_text(ANSWER)
    expect(page.locator("main")).to_contain_text(DIARY)
    for cookie in page.context.cookies():
        assert "sentinel" not in cookie["value"].lower()
        assert re.fullmatch(r"[A-Za-z0-9_\-]{22,}", cookie["value"]), cookie["name"]
    assert _cookie(page, "wm_session").lower() not in database_dump()

    # While the workspace exists: the database and the logs hold none of it.
    _assert_nothing_personal(database_dump(), phrase, data_key)
    _assert_nothing_personal(captured_logs.text, phrase, data_key)

    page.goto(base)
    page.get_by_role("link", name="Delete everything").click()
    axe_check(page)
    page.get_by_role("button", name="Yes, delete everything now").click()
    expect(page.locator("main")).to_contain_text("Everything is deleted")
    page.goto(base + "open/")
    page.get_by_label("Your passphrase").fill(phrase)
    page.get_by_role("button", name="Open").click()
    expect(page.locator("main")).to_contain_text("These words do not open a workspace")

    _assert_nothing_personal(database_dump(), phrase, data_key)
    _assert_nothing_personal(captured_logs.text, phrase, data_key)


def test_the_workbook_print_view_and_a_busy_moment_read_well(
    page, axe_check, full_derivation_pool, fast_kdf
):
    phrase = passphrase.generate()
    workspaces.keep(workspaces.new_workspace(), phrase)
    base = page.base_url + "/en/workspace/"
    page.goto(base + "workbook/print/")
    assert page.locator("h1").inner_text() == "My workbook"
    axe_check(page)
    page.goto(base + "delete/")
    expect(page.locator("main")).to_contain_text("nothing to delete")
    axe_check(page)
    page.goto(base + "open/")
    page.get_by_label("Your passphrase").fill(phrase)
    with full_derivation_pool():
        page.get_by_role("button", name="Open").click()
        assert page.locator("h1").inner_text() == "Busy, try again in a moment"
    page.get_by_role("link", name="Back to my workspace").click()
    assert page.url.endswith("/en/workspace/")
