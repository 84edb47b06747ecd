"""Download my workbook: offline HTML, plain text and a print view of every answer."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from django.utils.module_loading import import_string

from conftest import answer, keep_work
from waymark.workspace.store import store_for
from waymark.workspace.workbook import WorkbookEntry, WorkbookSection

pytestmark = pytest.mark.django_db
SENTINEL = "workbook <sentinel> & answer"


def my_answers(store):
    """A provider like the program's: one section of this person's answers."""
    entries = tuple(
        WorkbookEntry(label=record_id, answer=value["text"])
        for record_id, value in sorted(store.all("answer").items())
    )
    return [WorkbookSection(title="Exercise answers", entries=entries)]


def _existing_providers() -> list[str]:
    found = []
    for dotted in ("waymark.program.workbook.sections", "waymark.diary.workbook.sections"):
        try:
            import_string(dotted)
        except ImportError:
            continue
        found.append(dotted)
    return found


@pytest.fixture
def providers(settings):
    settings.WAYMARK_WORKBOOK_SECTIONS = [
        *_existing_providers(),
        "waymark.workspace.tests.test_workbook.my_answers",
    ]


def test_the_offline_file_holds_every_answer_and_nothing_that_calls_out(client, providers):
    answer(client, "answer", "ex5", {"text": SENTINEL + "\nsecond line"})
    response = client.get(reverse("workspace:download-html"))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="notes.html"'
    assert response["Cache-Control"] == "no-store"
    body = response.text
    assert "workbook &lt;sentinel&gt; &amp; answer<br>second line" in body
    assert "<style>" in body
    for outside in ("<script", "<link", "src=", "href=", "@import", "url("):
        assert outside not in body


def test_the_plain_text_file_holds_every_answer(client, providers):
    answer(client, "answer", "ex5", {"text": SENTINEL})
    response = client.get(reverse("workspace:download-text"))
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "== Exercise answers ==" in response.text
    assert SENTINEL in response.text  # plain text: nothing escaped


def test_the_print_view_shows_my_answers_and_no_one_elses(client, providers, fast_kdf):
    from django.test import Client

    answer(client, "answer", "ex5", {"text": "mine alone"})
    keep_work(client)
    assert "mine alone" in client.get(reverse("workspace:print")).text
    stranger = Client().get(reverse("workspace:print")).text
    assert "mine alone" not in stranger
    assert "There are no answers yet" in stranger or "Nothing answered here yet" in stranger


def test_the_status_note_says_plainly_whether_answers_are_kept(client, fast_kdf):
    template = Template('{% include "workspace/_status.html" %}')
    request = RequestFactory().get("/")
    request.session = client.session
    assert "are not kept" in template.render(Context({"request": request}))
    answer(client, "answer", "ex5", {"text": "a"})
    keep_work(client)
    request.session = client.session
    assert store_for(request).saved
    assert "are kept in your workspace" in template.render(Context({"request": request}))
