"""What a person does in the browser, shared by the stories that need it."""


def group(page, name):
    return page.get_by_role("group", name=name, exact=True)


def note_a_moment(page, *, acted="No", thoughts="It is only this once"):
    """From any page with the diary link: note one moment in the urge diary."""
    page.get_by_role("link", name="Note a moment").first.click()
    group(page, "Which day?").get_by_label("Today").check()
    group(page, "Part of the day").get_by_label("Night").check()
    group(page, "Where were you, what were you doing?").get_by_label("In bed at night").check()
    group(page, "What did you feel?").get_by_label("Lonely").check()
    group(page, "What did you feel?").get_by_label("Restless").check()
    group(page, "How strong was the urge?").get_by_label("8", exact=True).check()
    page.get_by_label("What went through your mind? (optional)").fill(thoughts)
    group(page, "What did you do?").get_by_label("Took a shower").check()
    group(page, "Did you act on the urge?").get_by_label(acted, exact=True).check()
    group(page, "How strong was the urge afterwards? (optional)").get_by_label(
        "3", exact=True
    ).check()
    page.get_by_role("button", name="Save entry").click()


def save_exercise(page, exercise_id):
    page.locator(f"#{exercise_id}").get_by_role("button", name="Save my answers").click()
    assert page.url.endswith(f"#{exercise_id}")
    assert page.locator(f"#{exercise_id} [role=status]").inner_text().startswith("Saved.")


def keep_work(page) -> str:
    """From the workspace page: take a passphrase, type it back. Returns the passphrase."""
    page.get_by_role("link", name="Keep my work").click()
    page.get_by_role("button", name="Make my passphrase").click()
    phrase = page.locator("#passphrase").inner_text().strip()
    page.get_by_role("link", name="I have written it down").click()
    page.get_by_label("Your passphrase").fill(phrase)
    page.get_by_role("button", name="Save my work").click()
    return phrase
