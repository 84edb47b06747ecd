"""Every form on the site, sent whatever a hostile client likes (SECURITY.md 13 and 15).

Forms are found by walking the site as a person with a saved workspace (tests/walk.py), so a
new form is fuzzed without anyone listing it here. For each, hypothesis sends wrong types,
huge and tiny numbers, unicode edge cases (NUL, right-to-left marks, combining marks, emoji),
repeated, missing and unknown fields. Whatever arrives, the answer is never a server error;
when the form is shown again with a message, nothing in the database changed; and without the
CSRF token, or from another origin, nothing is done at all.
"""

import hashlib
from collections import defaultdict

import pytest
from django.apps import apps
from django.db import connection
from django.test import Client
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import person_with_a_saved_workspace, signed_in_counsellor
from tests.walk import Form, walk
from waymark.workspace.models import SessionRecord

pytestmark = pytest.mark.django_db

HOSTILE_TEXT = [
    "\x00",
    "a\x00b",
    "\u202e\u0301\u200b",
    "\U0001d54f" * 50,
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    '=HYPERLINK("x")',
    "9" * 400,
    "-1",
    "1e308",
    "NaN",
    "١٢٣",
    "2026-02-30",
    "0001-01-01",
    " ",
]
VALUES = st.one_of(
    st.sampled_from(HOSTILE_TEXT),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.integers(min_value=2000, max_value=20000).map(lambda n: "a\x00" * n),
)


def _database_digest() -> str:
    """Everything stored, sessions aside: a re-shown form may keep what was typed in the
    person's own sealed session, and nothing else."""
    digest = hashlib.sha256()
    with connection.cursor() as cursor:
        for model in sorted(apps.get_models(), key=lambda m: m._meta.db_table):
            if model is SessionRecord:
                continue
            table = connection.ops.quote_name(model._meta.db_table)
            cursor.execute(f"SELECT * FROM {table} ORDER BY 1")  # noqa: S608
            digest.update(repr(cursor.fetchall()).encode())
    return digest.hexdigest()


def _forms(person) -> list[Form]:
    """One form of each kind (by where it is sent), from the whole site."""
    kinds: dict[str, Form] = {}
    for visit in walk(person, "/en/", "/staff/", submit_forms=True):
        for form in visit.forms:
            if form.method == "post" and not form.action.endswith(("/delete/", "/logout/")):
                kinds.setdefault(form.action, form)
    return list(kinds.values())


def _mutated(form: Form, draw_values, drop, extra, repeat) -> dict[str, list[str]]:
    data: dict[str, list[str]] = defaultdict(list)
    for name, values in form.values().items():
        if name == "csrfmiddlewaretoken" or name not in drop:
            data[name] = (
                [draw_values() for _ in values] if name != "csrfmiddlewaretoken" else values
            )
    for name in repeat:
        data[name] += [draw_values(), draw_values()]
    for name in extra:
        data[name].append(draw_values())
    for name, value in form.buttons()[0].items():
        data[name].append(value)
    return dict(data)


@pytest.fixture
def person_and_forms():
    person, _phrase = person_with_a_saved_workspace("words this person wrote")
    forms = _forms(person)
    assert len(forms) > 20, [f.action for f in forms]
    return person, forms


def test_no_form_answers_anything_with_a_server_error_or_a_silent_change(person_and_forms):
    person, forms = person_and_forms
    for form in forms:
        _fuzz(person, form)


def _fuzz(person, form: Form) -> None:
    names = form.names()

    @settings(
        max_examples=6,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(
        data=st.data(),
        drop=st.sets(st.sampled_from(names)) if names else st.just(set()),
        extra=st.lists(st.text(min_size=1, max_size=20), max_size=3),
        repeat=st.sets(st.sampled_from(names)) if names else st.just(set()),
    )
    @example(data=None, drop=set(), extra=[], repeat=set())
    def send(data, drop, extra, repeat):
        def value() -> str:
            return data.draw(VALUES) if data is not None else "\x00"

        before = _database_digest()
        response = person.post(form.action, _mutated(form, value, drop, extra, repeat))
        assert response.status_code < 500, (form.action, response.status_code)
        if response.status_code in (200, 400, 404, 405):
            assert _database_digest() == before, form.action

    send()


def test_without_the_token_or_from_another_origin_no_form_does_anything(person_and_forms):
    _person, forms = person_and_forms
    strict = Client(enforce_csrf_checks=True)
    before = _database_digest()
    for form in forms:
        data = {k: v for k, v in form.values().items() if k != "csrfmiddlewaretoken"}
        assert strict.post(form.action, data).status_code == 403, form.action
        foreign = strict.post(form.action, form.values(), headers={"origin": "http://evil.example"})
        assert foreign.status_code == 403, form.action
    assert _database_digest() == before


def _forms_under(client, start: str) -> list[Form]:
    """One form of each kind sent to addresses under `start`, from the pages there."""
    kinds: dict[str, Form] = {}
    for visit in walk(client, start, most=40):
        for form in visit.forms:
            if form.method == "post" and form.action.startswith(start):
                kinds.setdefault(form.action, form)
    return list(kinds.values())


def test_the_counselling_forms_of_both_sides_take_hostile_input_too():
    """The walk above logs the person out before it reaches their messages, and signs no
    counsellor in: these forms are sent by the person and by a counsellor themselves."""
    person, _phrase = person_with_a_saved_workspace("words this person wrote")
    counsellor = signed_in_counsellor()
    counsellor.post(
        "/staff/counsel/replies/", {"language": "en", "title": "Hello", "text": "Welcome."}
    )
    sides = [(person, _forms_under(person, "/en/messages/"))]
    sides.append((counsellor, _forms_under(counsellor, "/staff/counsel/")))
    actions = {form.action.rstrip("/").rsplit("/", 1)[-1] for _, forms in sides for form in forms}
    assert actions >= {"write", "add", "withdraw", "reply", "note", "status", "hand-over"}
    assert {"replies", "delete"} <= actions
    for client, forms in sides:
        for form in forms:
            _fuzz(client, form)
    strict = Client(enforce_csrf_checks=True)
    before = _database_digest()
    for _client, forms in sides:
        for form in forms:
            data = {k: v for k, v in form.values().items() if k != "csrfmiddlewaretoken"}
            assert strict.post(form.action, data).status_code == 403, form.action
    assert _database_digest() == before
