"""The time a chapter promises is counted from its own words and questions, in every language."""

import re

import pytest

from waymark.program import content
from waymark.program.content import WORDS_PER_MINUTE

pytestmark = pytest.mark.django_db
LANGUAGES = ("en", "fi", "es")
# A duration typed into a text ("10 to 15 minutes", "noin 15 minuuttia", "unos 20 minutos").
TYPED = re.compile(r"\d+\s*(minutes?|minuut\w*|minutos?)", re.IGNORECASE)


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_chapter_opens_with_the_time_counted_from_its_texts(client, language):
    program = content.program_for(language)
    for chapter in program.chapters:
        first = chapter.pages[0]
        html = client.get(f"/{language}/{chapter.id}/{first.id}/").text
        line = html[html.index("</h1>") : html.index("</p>", html.index("</h1>"))]
        assert re.search(rf"\b{chapter.minutes}\b", line), (chapter.id, line)
        if chapter.exercise_minutes:
            assert f"{chapter.exercise_minutes} " in line, (chapter.id, line)
        opening = next(b for b in first.blocks if b.type == "text").html
        first_paragraph = opening[: opening.index("</p>")]
        assert not TYPED.search(first_paragraph), (language, chapter.id, first_paragraph)


def test_more_words_and_more_questions_make_a_longer_chapter(tree):
    before = content.load(tree.root)["en"].chapter("start")
    page = "content/en/chapters/01-start/01-hello.md"
    tree.replace(page, "Some **words** to read", "Some **words** to read " + "more " * 800)
    tree.replace(
        page,
        "questions:\n",
        "questions:\n  - {id: q1-more, type: long_text, label: More}\n"
        "  - {id: q1-again, type: long_text, label: Again}\n",
    )
    after = content.load(tree.root)["en"].chapter("start")
    assert before.minutes == 1
    assert after.minutes == round(800 / WORDS_PER_MINUTE)
    assert before.exercise_minutes == 5
    assert after.exercise_minutes == 10


@pytest.mark.parametrize("language", LANGUAGES)
def test_how_it_works_lists_every_chapter_with_its_computed_time(client, language):
    program = content.program_for(language)
    html = client.get(f"/{language}/welcome/how-it-works/").text
    for chapter in program.chapters:
        start = html.index(f'href="/{language}/{chapter.id}/"')
        item = html[start : html.index("</li>", start)]
        assert re.search(rf"\b{chapter.minutes}\b", item), (chapter.id, item)
    assert not TYPED.search(html[html.index("<h1>") : html.index('class="toc"')])
