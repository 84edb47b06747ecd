"""The content checker names the file and the line of every problem an editor can make."""

from waymark.program.content import check, load
from waymark.web.content import Problem

PAGE = "content/en/chapters/01-start/01-hello.md"


def problems_of(tree) -> list[tuple[str, int, str]]:
    return [(p.path, p.line, p.message) for p in check(tree.root)]


def only_problem(tree) -> Problem:
    found = check(tree.root)
    assert len(found) == 1, found
    return found[0]


def test_good_content_has_no_problems_and_loads(tree):
    assert check(tree.root) == []
    program = load(tree.root)["en"]
    assert [c.id for c in program.chapters] == ["start", "finish"]


def test_an_unknown_block_type_is_named_with_its_line(tree):
    tree.replace(PAGE, "```callout", "```calloutt")
    problem = only_problem(tree)
    assert (problem.path, problem.line) == (PAGE, 7)
    assert "unknown block type 'calloutt'" in problem.message


def test_a_yaml_error_points_at_its_line_in_the_file(tree):
    tree.replace(PAGE, "title: Remember", "title: [Remember")
    problem = only_problem(tree)
    assert problem.path == PAGE
    assert problem.line in (8, 9)
    assert "YAML cannot be read" in problem.message


def test_a_missing_required_key_is_named(tree):
    tree.replace(PAGE, "why: It helps.\n", "")
    assert (PAGE, 12, "`exercise` is missing the required key `why`") in problems_of(tree)


def test_a_page_without_an_id_is_reported(tree):
    tree.replace(PAGE, "id: hello\n", "")
    assert (PAGE, 1, "the page is missing the required key `id`") in problems_of(tree)


def test_a_question_id_used_twice_in_the_program_is_reported(tree):
    tree.replace("content/en/chapters/02-finish/01-last.md", "id: qs-scale", "id: q1-text")
    problem = only_problem(tree)
    assert problem.path == "content/en/chapters/02-finish/01-last.md"
    assert problem.line == 10
    assert "question id 'q1-text' is also used in" in problem.message


def test_an_exercise_id_used_twice_is_reported(tree):
    tree.replace("content/en/chapters/02-finish/01-last.md", "id: summary-end", "id: ex1-me")
    found = problems_of(tree)
    assert any("form id 'ex1-me' is also used" in m for _, _, m in found), found


def test_a_chapter_listed_without_a_folder_is_reported(tree):
    tree.replace("content/en/program.yaml", "[start, finish]", "[start, finish, missing]")
    problem = only_problem(tree)
    assert (problem.path, problem.line) == ("content/en/program.yaml", 2)
    assert "'missing' has no folder" in problem.message


def test_a_broken_internal_link_is_reported_at_its_line(tree):
    tree.replace(PAGE, "page:finish/last", "page:finish/lost")
    problem = only_problem(tree)
    assert (problem.path, problem.line) == (PAGE, 5)
    assert "broken link: 'page:finish/lost'" in problem.message


def test_a_link_to_another_website_is_refused(tree):
    tree.replace(PAGE, "(help:now)", "(https://example.org/)")
    problem = only_problem(tree)
    assert (problem.path, problem.line) == (PAGE, 5)
    assert "only links inside the program" in problem.message


def test_a_broken_link_in_a_chapter_file_is_reported(tree):
    tree.replace("content/en/chapters/01-start/chapter.yaml", "chapter:finish", "chapter:end")
    problem = only_problem(tree)
    assert problem.path == "content/en/chapters/01-start/chapter.yaml"
    assert problem.line == 5


def test_an_unknown_question_type_is_reported(tree):
    tree.replace(PAGE, "type: long_text", "type: essay")
    problem = only_problem(tree)
    assert (problem.path, problem.line) == (PAGE, 18)
    assert "unknown question type 'essay'" in problem.message


def test_a_checklist_without_options_is_reported(tree):
    tree.replace(
        PAGE, "    options:\n      - {id: a, label: Apple}\n      - {id: b, label: Banana}\n", ""
    )
    problem = only_problem(tree)
    assert (problem.path, problem.line) == (PAGE, 21)
    assert "a checklist question needs `options`" in problem.message


def test_a_summary_gathering_an_unknown_exercise_is_reported(tree):
    tree.replace("content/en/chapters/02-finish/01-last.md", "[ex1-me]", "[ex9-nothing]")
    problem = only_problem(tree)
    assert problem.path == "content/en/chapters/02-finish/01-last.md"
    assert problem.line == 8
    assert "gathers an unknown exercise 'ex9-nothing'" in problem.message


def test_an_unquoted_yes_as_an_id_asks_for_quotes(tree):
    tree.replace("content/en/self-check.yaml", '{id: "yes"', "{id: yes")
    expected = ("content/en/self-check.yaml", 8, "option id must be text: put quotes around it")
    assert expected in problems_of(tree)


def test_a_translation_with_other_ids_than_english_is_reported(tree):
    tree.translate("fi")
    assert check(tree.root) == []
    tree.replace("content/fi/chapters/01-start/01-hello.md", "id: q1-text", "id: q1-teksti")
    found = check(tree.root)
    assert found
    assert all(p.path == "fi/program.yaml" for p in found)
    assert any("questions of 'ex1-me' differ from English" in p.message for p in found)


def test_load_refuses_broken_content_listing_every_problem(tree):
    tree.replace(PAGE, "```callout", "```box")
    tree.replace(PAGE, "type: long_text", "type: essay")
    try:
        load(tree.root)
    except Exception as error:
        message = str(error)
    else:
        raise AssertionError("broken content loaded")
    assert "unknown block type 'box'" in message
    assert "unknown question type 'essay'" in message


def test_the_real_content_has_no_problems(settings):
    assert check(settings.WAYMARK_CONTENT_DIR) == []


def test_a_fact_whose_source_lacks_its_year_or_n_is_named(tree):
    tree.replace(
        PAGE,
        "```callout\ntitle: Remember\ntext: You can stop at any time.\n```",
        "```fact\ntext: 62 % had tried to stop.\nsource: A project blog (N not stated)\n```",
    )
    problem = only_problem(tree)
    assert (problem.path, problem.line) == (PAGE, 9)
    assert "names the study, its year and N" in problem.message


GLOSSARY = """\
terms:
  - term: action urge
    use: impulso a actuar
    avoid: [impulso de acción]
"""


def test_a_translation_using_a_variant_its_glossary_avoids_is_named_with_file_and_line(tree):
    tree.translate("es")
    tree.write("es/glossary.yaml", GLOSSARY)
    assert check(tree.root) == []
    spanish = "content/es/chapters/01-start/01-hello.md"
    tree.replace(spanish, "Some **words** to read", "Un **impulso de\nAcción** aparece")
    problem = only_problem(tree)
    assert (problem.path, problem.line) == (spanish, 5)
    assert "write 'impulso a actuar' for 'action urge'" in problem.message


def test_the_real_finnish_and_spanish_use_one_word_for_the_action_urge(settings):
    from waymark.program.glossary import FILE_NAME

    for language, word in (("fi", "toimintamielihalu"), ("es", "impulso a actuar")):
        assert word in (settings.WAYMARK_CONTENT_DIR / language / FILE_NAME).read_text()
    assert check(settings.WAYMARK_CONTENT_DIR) == []


def test_an_id_that_would_show_the_topic_in_an_address_is_named(tree, settings):
    settings.WAYMARK_SENSITIVE_WORDS = ["secret"]
    tree.replace(PAGE, "id: hello", "id: secrets-of-hello")
    problem = only_problem(tree)
    assert problem.path == PAGE
    assert problem.line == 2
    assert "page id 'secrets-of-hello' is part of an address" in problem.message
    assert "'secrets'" in problem.message
