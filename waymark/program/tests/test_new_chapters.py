"""A reader in any language finds the chapters on the law, online contact, fantasies and for
family, and can keep answers to Exercise 17 like any other."""

import pytest

from waymark.program import content

pytestmark = pytest.mark.django_db
NEW = (
    "what-counts-and-the-law",
    "online-contact",
    "fantasies-and-compulsion",
    "family-and-friends",
)


@pytest.mark.parametrize("language", ["en", "fi", "es"])
def test_the_contents_list_the_four_new_chapters_after_the_core(client, language):
    program = content.program_for(language)
    assert [c.id for c in program.chapters][10:] == list(NEW)
    html = client.get(f"/{language}/").text
    for chapter_id in NEW:
        assert f'href="/{language}/{chapter_id}/"' in html


def test_exercise_17_keeps_its_answers_and_joins_the_workbook(client):
    response = client.post(
        "/en/exercise/ex17-fantasies/answer/",
        {"q17-when": ["night", "alone"], "q17-control": "4", "q17-need": "Closeness"},
    )
    assert response.status_code == 302
    page = client.get("/en/fantasies-and-compulsion/exercise-fantasies/").text
    assert 'value="night" checked' in page
    assert 'value="4" checked' in page
    assert "Closeness" in page
    workbook = client.get("/en/workspace/workbook/download.txt").content.decode()
    assert "Exercise 17: Fantasies, arousal and control" in workbook


def test_the_online_contact_chapter_shows_numbers_to_stop_before_harm(client):
    html = client.get("/en/online-contact/what-to-do-now/").text
    box = html[html.index('class="crisis"') : html.index("</div>", html.index('class="crisis"'))]
    assert 'href="tel:08081000900"' in box  # Stop It Now, the reader's own country first
    assert "tel:116123" not in box  # about harm to a child, not self-harm


def test_the_law_chapter_says_it_is_not_legal_advice_in_every_language(client):
    for language, words in (
        ("en", "not legal advice"),
        ("fi", "ei ole oikeudellista"),
        ("es", "No es\nasesoramiento jurídico"),
    ):
        html = client.get(f"/{language}/what-counts-and-the-law/the-law/").text
        assert words.replace("\n", " ") in html.replace("\n", " ")
