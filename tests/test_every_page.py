"""Promises that hold on every page and form a person can reach (SECURITY.md 6, 12, 22).

The site is walked as a new visitor and as a person with a saved workspace, in every
language, with every form sent once: whatever they meet sets only session cookies, never
lets the browser remember what they type, and never shows the topic in a title or address.
"""

import re
import uuid
from email.utils import parsedate_to_datetime

import pytest
from django.apps import apps
from django.conf import settings
from django.db import connection, transaction
from django.test import Client, override_settings

from conftest import person_with_a_saved_workspace, signed_in_counsellor
from tests.walk import walk

pytestmark = pytest.mark.django_db
STARTS = [f"/{code}/" for code, _name in settings.LANGUAGES] + ["/staff/"]


def _walks():
    visitor = Client()
    yield from walk(visitor, *STARTS, submit_forms=True)
    person, _phrase = person_with_a_saved_workspace("words this person wrote")
    # Their messages first: the walk through the rest logs them out on its way.
    yield from walk(person, "/en/messages/", submit_forms=True)
    person, _phrase = person_with_a_saved_workspace("words this person wrote")
    yield from walk(person, "/en/", submit_forms=True)
    # A counsellor's pages, opened but not sent: the first form there is "Log out".
    yield from walk(signed_in_counsellor(), "/staff/counsel/")


@pytest.fixture(scope="module")
def visits(django_db_blocker, django_db_setup):
    """One walk for all the tests of this file: it is the slow part. Nothing it writes stays."""
    plain_static = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with (
        django_db_blocker.unblock(),
        override_settings(STORAGES=plain_static),
        transaction.atomic(),
    ):
        found = list(_walks())
        transaction.set_rollback(True)
    return found


def _deletes(morsel) -> bool:
    if morsel["max-age"] in ("0", 0):
        return True
    expires = morsel["expires"]
    return bool(expires) and parsedate_to_datetime(expires).year < 2000


def test_the_walk_reaches_the_pages_people_meet(visits):
    paths = {visit.path for visit in visits}
    assert len(paths) > 250
    kinds = ("/en/surveys/", "/fi/diary/", "/es/workspace/", "/en/workspace/save/")
    kinds += ("/en/messages/share/", "/staff/counsel/replies/", "/staff/counsel/load/")
    for kind in kinds:
        assert any(path.startswith(kind) for path in paths), kind
    assert any("/page/" in path for path in paths), "no survey page was reached"
    assert any(re.match(r"/staff/counsel/[0-9a-f]{32}/$", path) for path in paths)
    assert sum(len(visit.forms) for visit in visits) > 100


def test_every_cookie_ends_with_the_browser_session(visits):
    cookies = [m for visit in visits for m in visit.response.cookies.values()]
    assert {m.key for m in cookies} >= {settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME}
    for morsel in cookies:
        if _deletes(morsel):
            continue
        assert not morsel["expires"], morsel.OutputString()
        assert not morsel["max-age"], morsel.OutputString()
        assert morsel["httponly"], morsel.OutputString()
        assert morsel["samesite"] == "Strict", morsel.OutputString()


def test_the_browser_may_remember_nothing_a_person_types(visits):
    fields = [
        (form.page, control.name)
        for visit in visits
        for form in visit.forms
        for control in form.controls
        if control.takes_text and control.attrs.get("autocomplete") != "off"
    ]
    assert not fields, sorted(set(fields))[:20]


def _sensitive(text: str) -> list[str]:
    words = re.findall(r"\w+", text.lower())
    return [w for w in words if any(w.startswith(s) for s in settings.WAYMARK_SENSITIVE_WORDS)]


def test_no_title_address_or_file_name_shows_the_topic(visits):
    shown = []
    for visit in visits:
        if visit.path.startswith("/staff/"):
            continue  # staff pages are for staff devices
        title = re.search(r"<title>(.*?)</title>", visit.response.content.decode(), re.S)
        shown.append(("address", visit.path, _sensitive(visit.path.replace("-", " "))))
        if title:
            shown.append(("title", visit.path, _sensitive(title.group(1))))
        for form in visit.forms:
            shown.append(("form address", form.action, _sensitive(form.action.replace("-", " "))))
        disposition = visit.response.get("Content-Disposition", "")
        shown.append(("file name", visit.path, _sensitive(disposition.replace("-", " "))))
    found = [(kind, path, words) for kind, path, words in shown if words]
    assert not found, found[:20]


def test_a_thousand_made_up_cookies_add_no_row(client):
    def rows() -> int:
        with connection.cursor() as cursor:
            total = 0
            for model in apps.get_models():
                cursor.execute(f"SELECT COUNT(*) FROM {model._meta.db_table}")  # noqa: S608
                total += cursor.fetchone()[0]
            return total

    before = rows()
    pages = ["/en/", "/en/welcome/welcome/", "/en/diary/", "/en/workspace/", "/fi/surveys/"]
    for number in range(1000):
        made_up = Client(cookies={settings.SESSION_COOKIE_NAME: uuid.uuid4().hex * 2})
        made_up.cookies[settings.SESSION_COOKIE_NAME] = uuid.uuid4().hex
        response = made_up.get(pages[number % len(pages)])
        assert response.status_code == 200
    assert rows() == before
