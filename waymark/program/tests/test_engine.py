"""Engine details: safe Markdown, reading time, progress, languages, answers in words."""

import pytest

from waymark.program import answers, markdown
from waymark.program.content import load


def test_raw_html_in_a_text_is_shown_as_text_never_as_markup():
    rendered = markdown.render('<script>alert(1)</script> and <a href="x">x</a>')
    assert "<script>" not in rendered.html
    assert "&lt;script&gt;" in rendered.html


def test_internal_links_are_kept_and_collected_with_their_lines():
    rendered = markdown.render("One\n\nTwo [go](exercise:ex1-me)", first_line=10)
    assert rendered.links == (markdown.Link("exercise", "ex1-me", 12),)
    assert 'href="exercise:ex1-me"' in rendered.html


def test_reading_time_comes_from_the_words(tree):
    words = " ".join(["word"] * 1000)
    tree.write("en/chapters/02-finish/02-long.md", f"---\nid: long\ntitle: Long\n---\n{words}\n")
    program = load(tree.root)["en"]
    assert program.chapter("finish").minutes == 5
    assert program.chapter("start").minutes == 1


def test_a_translation_loads_as_its_own_program(tree):
    tree.translate("es")
    tree.replace("content/es/chapters/01-start/01-hello.md", "title: Hello", "title: Hola")
    programs = load(tree.root)
    assert programs["es"].page("start", "hello").title == "Hola"
    assert programs["en"].page("start", "hello").title == "Hello"


def test_a_chapter_without_exercises_is_done_when_its_last_page_was_read(tree):
    program = load(tree.root)["en"]
    finish, start = program.chapter("finish"), program.chapter("start")
    assert answers.chapter_status(start, {}, set()) == "not-started"
    assert answers.chapter_status(start, {"q1-text": {"value": "x"}}, set()) == "done"
    assert answers.chapter_status(finish, {}, {"finish/last"}) == "started"


def test_reading_the_same_page_again_writes_no_new_progress():
    first = answers.visit(None, "start", "hello")
    assert first == {"last": "start/hello", "visited": ["start/hello"]}
    assert answers.visit(first, "start", "hello") is None
    assert answers.visit(first, "finish", "last")["visited"] == ["start/hello", "finish/last"]


@pytest.mark.parametrize(
    ("posted", "shown"),
    [
        ({"q1-list": ["a", "b"]}, "Apple; Banana"),
        ({"q1-list--other": "Pears"}, "Something else: Pears"),
    ],
)
def test_checklist_answers_read_as_their_labels(tree, posted, shown):
    from django.http import QueryDict

    question = load(tree.root)["en"].question("q1-list")
    data = QueryDict(mutable=True)
    for key, value in posted.items():
        data.setlist(key, value if isinstance(value, list) else [value])
    submission = answers.read_form([question], data)
    assert answers.display(question, submission.values["q1-list"]) == shown
