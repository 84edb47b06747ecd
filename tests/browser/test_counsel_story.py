"""Talk to a person, with JavaScript off: a person writes from their kept workspace, a
counsellor signs in with password and code, reads and replies; the person opens their
workspace in another browser with the passphrase alone and reads the reply. Afterwards the
database holds none of the sentences (SECURITY.md 4, 11, 20)."""

from contextlib import contextmanager

import pytest
from playwright.sync_api import expect

from conftest import assert_same_origin

pytestmark = pytest.mark.browser

MESSAGE = "Evenings alone are the hardest for me, and I want to stop, sentinel-M4T."
REPLY = "Thank you for trusting us with this; let us plan your evenings, sentinel-R7P."
NOTE = "Evenings are the pattern to work on, sentinel-N2Q."


@contextmanager
def another_browser(browser, base_url):
    """A second browser with JavaScript off and nothing in common with the first."""
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    requests: list[str] = []
    tab.on("request", lambda request: requests.append(request.url))
    try:
        yield tab
    finally:
        context.close()
        assert_same_origin(requests, base_url)


def keep_work(page) -> str:
    page.goto(page.base_url + "/en/workspace/")
    page.get_by_role("link", name="Keep my work").click()
    page.get_by_role("button", name="Make my passphrase").click()
    phrase = page.locator("#passphrase").inner_text().strip()
    page.get_by_role("link", name="I have written it down").click()
    page.get_by_label("Your passphrase").fill(phrase)
    page.get_by_role("button", name="Save my work").click()
    expect(page.locator("main")).to_contain_text("Your work is saved")
    return phrase


def sign_in(tab, member):
    tab.get_by_label("User name").fill(member.user.get_username())
    tab.get_by_label("Password").fill(member.password)
    tab.get_by_label("Code from your authenticator app").fill(member.code())
    tab.get_by_role("button", name="Log in").click()


def test_a_person_writes_a_counsellor_replies_and_the_dump_holds_neither(
    page, axe_check, browser, make_staff, database_dump
):
    sam = make_staff("sam", "counsel")
    phrase = keep_work(page)
    page.get_by_role("link", name="Write to a counsellor").click()
    expect(page.locator("main")).to_contain_text("What the counsellors must do")
    axe_check(page)
    page.get_by_role("link", name="Write a message").click()
    page.get_by_role("button", name="Send").click()
    expect(page.locator(".errorlist-summary")).to_contain_text("Please write your message")
    axe_check(page)
    page.get_by_label("Your message").fill(MESSAGE + " Find me at anna@example.org")
    page.get_by_role("button", name="Send").click()
    expect(page.locator("#latest")).to_contain_text(MESSAGE)
    expect(page.locator("#latest")).not_to_contain_text("anna@example.org")
    expect(page.locator("main")).to_contain_text("Your message is with the counsellors")
    axe_check(page)

    with another_browser(browser, page.base_url) as staff:
        staff.goto(page.base_url + "/staff/")
        sign_in(staff, sam)
        staff.get_by_role("link", name="Conversations").first.click()
        expect(staff.locator("main")).to_contain_text("since today")
        axe_check(staff)
        staff.get_by_role("link", name="Open conversation 1").click()
        expect(staff.locator("#latest")).to_contain_text(MESSAGE)
        axe_check(staff)
        staff.get_by_label("A note for the team").fill(NOTE)
        staff.get_by_role("button", name="Keep the note").click()
        staff.get_by_label("Your reply").fill(REPLY)
        staff.get_by_role("button", name="Send reply").click()
        expect(staff.locator("#latest")).to_contain_text(REPLY)
        staff.get_by_role("link", name="Counselling load").first.click()
        expect(staff.locator("main")).to_contain_text("Conversations waiting for a reply")
        axe_check(staff)

    with another_browser(browser, page.base_url) as elsewhere:
        elsewhere.goto(page.base_url + "/en/workspace/open/")
        elsewhere.get_by_label("Your passphrase").fill(phrase)
        elsewhere.get_by_role("button", name="Open").click()
        expect(elsewhere.locator("[role=status]").last).to_contain_text(
            "1 new reply from a counsellor."
        )
        elsewhere.get_by_role("link", name="Read and write messages").click()
        expect(elsewhere.locator("#latest")).to_contain_text(REPLY)
        expect(elsewhere.locator("main")).not_to_contain_text(NOTE)
        axe_check(elsewhere)

    dump = database_dump()
    for sentinel in ("sentinel-m4t", "sentinel-r7p", "sentinel-n2q", "evenings alone"):
        assert sentinel not in dump


def test_a_crisis_word_brings_the_numbers_before_anything_else(page, axe_check, make_staff):
    make_staff("sam", "counsel")
    keep_work(page)
    page.goto(page.base_url + "/en/messages/write/")
    page.get_by_label("Your message").fill("Tonight I want to die.")
    page.get_by_role("button", name="Send").click()
    crisis = page.locator(".crisis").first
    expect(crisis).to_contain_text("If you are thinking of hurting yourself")
    expect(crisis.get_by_role("link", name="116 123")).to_be_visible()
    assert page.locator("main > *").first.get_attribute("class") == "crisis"
    axe_check(page)
