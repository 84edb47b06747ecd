"""The privacy audit: a whole visit in a real browser against the production server, then a
copy of the database file and of every line the server logged (SECURITY.md 2, 4, 8, 9, 19).

The server runs as docs/deploy.md says (gunicorn, production settings, its own data folder).
The person reads, answers an exercise, notes a moment in the diary, keeps their work, answers
both surveys with free text, downloads the workbook, opens the workspace in a new browser and
deletes everything. The browser announces a sentinel agent, address and referrer. Afterwards
the copy shows no client address, no agent, no passphrase, no sentence anyone wrote and no
time of day of anything the person did.
"""

import itertools
import re
import sqlite3
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.steps import keep_work, note_a_moment, save_exercise

pytestmark = pytest.mark.browser

AGENT = "AuditAgent/9.9 sentinel-agent-31c"
ADDRESS = "203.0.113.99"
REFERER = "https://sentinel-referer-5d0.example/"
ANSWER = "Evenings alone are the hardest part for me, sentinel-answer-77k."
DIARY = "Went for a long walk by the river instead, sentinel-diary-4m2."
SURVEY_TEXT = "A chat at night would help, sentinel-survey-9z1."
WRITTEN = (ANSWER, DIARY, SURVEY_TEXT)


def _tab(browser, base):
    context = browser.new_context(
        java_script_enabled=False,
        user_agent=AGENT,
        extra_http_headers={"X-Forwarded-For": ADDRESS, "X-Real-IP": ADDRESS},
        accept_downloads=True,
    )
    tab = context.new_page()
    tab.set_default_timeout(20_000)
    tab.base_url = base
    return tab


def _answer_a_survey(tab, survey_id: str) -> None:
    """Consent, then on every page the first choice of each question and the sentinel in
    every text field, until the answers are sent."""
    tab.goto(f"{tab.base_url}/en/surveys/{survey_id}/")
    tab.get_by_role("button", name="I agree, start the survey").click()
    for _page in range(30):
        if tab.locator("h1").inner_text() == "Thank you":
            return
        chosen = set()
        for choice in tab.locator("input[type=radio], input[type=checkbox]").all():
            name, value = choice.get_attribute("name"), choice.get_attribute("value")
            if name not in chosen and value not in ("", "other"):
                choice.check()
                chosen.add(name)
        for field in tab.locator("textarea, input[type=text]:not([name$='--other'])").all():
            numeric = field.get_attribute("inputmode") == "numeric"
            field.fill("3" if numeric else SURVEY_TEXT)
        send = tab.get_by_role("button", name="Send my answers")
        (send if send.count() else tab.get_by_role("button", name="Next")).click()
    pytest.fail(f"the survey {survey_id} did not end")


def _database_copy(data_dir, raw: bool = True) -> str:
    """Every value of every table, and the raw bytes of the file unless `raw` is false, as one
    lower-case text. Left out of the values: when Django applied its migrations, and the
    staff accounts (named people, whose accounts say when they were made)."""
    path = data_dir / "waymark.sqlite3"
    connection = sqlite3.connect(path)
    values = []
    try:
        listed = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        tables = [row[0] for row in listed]
        for table in tables:
            if table.startswith("sqlite_") or table in ("django_migrations", "auth_user"):
                continue
            for row in connection.execute(f'SELECT * FROM "{table}"'):  # noqa: S608
                values.extend(str(v) if not isinstance(v, bytes) else v.hex() for v in row)
    finally:
        connection.close()
    if raw:
        data = path.read_bytes()
        values += [data.decode("utf-8", "replace"), data.decode("latin-1")]
    return "\n".join(values).lower()


def test_a_whole_visit_to_the_production_server_leaves_nothing_to_identify_or_read(
    browser, production_server, server_env, run_waymark
):
    port, stop = production_server
    # A research team exists, so survey free text is kept (sealed for the team).
    made = run_waymark(
        "manage.py",
        "create_staff_user",
        "rita",
        "--researcher",
        "--password-env",
        "RITA_PASSWORD",
        RITA_PASSWORD="a long staff password for the audit",
    )
    assert made.returncode == 0, made.stderr
    tab = _tab(browser, f"http://127.0.0.1:{port}")

    # Arriving from a search engine: the one request a real browser sends a Referer with.
    tab.goto(tab.base_url + "/en/why-people-use/risk-factors-and-yourself/", referer=REFERER)
    tab.locator("#ex5-yourself textarea").first.fill(ANSWER)
    save_exercise(tab, "ex5-yourself")
    tab.goto(tab.base_url + "/en/diary/")
    note_a_moment(tab, thoughts=DIARY)
    tab.goto(tab.base_url + "/en/workspace/")
    phrase = keep_work(tab)
    expect(tab.locator("main")).to_contain_text("Your work is saved")
    for survey_id in ("motivation-to-change", "help-us-help-you"):
        _answer_a_survey(tab, survey_id)
    assert _sealed_survey_texts(_data_dir(server_env)) == 2
    tab.goto(tab.base_url + "/en/workspace/")
    with tab.expect_download() as download:
        tab.get_by_role("link", name="Download my workbook (a web page to open offline)").click()
    assert download.value.suggested_filename == "notes.html"
    tab.context.close()

    again = _tab(browser, f"http://127.0.0.1:{port}")
    again.goto(again.base_url + "/en/workspace/open/")
    again.get_by_label("Your passphrase").fill(phrase)
    again.get_by_role("button", name="Open").click()
    again.goto(again.base_url + "/en/why-people-use/risk-factors-and-yourself/")
    assert again.locator("#ex5-yourself textarea").first.input_value() == ANSWER
    kept_while_open = _database_copy(_data_dir(server_env))
    values_while_open = _database_copy(_data_dir(server_env), raw=False)
    again.goto(again.base_url + "/en/workspace/delete/")
    again.get_by_role("button", name="Delete everything").click()
    again.context.close()

    log = "\n".join(stop()).lower()
    for copy in (kept_while_open, _database_copy(_data_dir(server_env)), log):
        for secret in (*WRITTEN, AGENT, ADDRESS, REFERER, phrase):
            assert secret.lower() not in copy, secret
        for first, second in itertools.pairwise(phrase.lower().split()):
            assert not re.search(rf"{first}\W{{1,3}}{second}", copy), (first, second)
    for values in (values_while_open, _database_copy(_data_dir(server_env), raw=False)):
        times = re.findall(r"\d{2}:\d{2}:\d{2}", values)
        assert all(time == "00:00:00" for time in times), times


def _sealed_survey_texts(data_dir) -> int:
    connection = sqlite3.connect(data_dir / "waymark.sqlite3")
    try:
        return sum(
            connection.execute(
                f"SELECT COUNT(*) FROM {table} WHERE sealed_text IS NOT NULL"  # noqa: S608
            ).fetchone()[0]
            for table in ("surveys_response", "surveys_waitingresponse")
        )
    finally:
        connection.close()


def _data_dir(server_env) -> Path:
    return Path(server_env["WAYMARK_DATA_DIR"])
