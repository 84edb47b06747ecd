"""An editor's survey files are read into definitions, and every mistake is shown with its line."""

from pathlib import Path

from django.conf import settings

from waymark.surveys.definitions import Condition, check, get_survey, read_survey

GOOD = """\
id: tiny
title: Tiny
summary: A small survey.
purpose: To test.
minutes: 2
pages:
  - id: p-one
    title: One
    questions:
      - id: q-pick
        type: single
        required: true
        label: Pick one
        options:
          - {id: "yes", label: "Yes"}
          - {id: "no", label: "No"}
        other: true
      - id: q-many
        type: multiple
        label: Pick some
        options: [{id: a, label: A}, {id: b, label: B}]
      - id: q-scale
        type: scale
        label: How much?
        min_label: Not at all
        max_label: Very
      - id: q-agree
        type: likert
        label: I agree
        options: [{id: "no", label: "No"}, {id: "yes", label: "Yes"}]
      - id: q-count
        type: number
        label: How many?
        min: 0
        max: 20
      - id: q-short
        type: short_text
        label: A word
      - id: q-long
        type: long_text
        label: Some words
  - id: p-two
    title: Two
    questions:
      - id: q-then
        type: single
        label: Then?
        show_if: {question: q-pick, among: ["yes", other]}
        options: [{id: x, label: X}, {id: y, label: Y, crisis: true}]
"""


def write(root: Path, text: str, language: str = "en", name: str = "tiny") -> Path:
    folder = root / "content" / language / "surveys"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.yaml"
    path.write_text(text)
    return root / "content"


def test_the_shipped_surveys_have_no_problems():
    assert check(settings.WAYMARK_CONTENT_DIR) == []


def test_the_research_survey_asks_what_the_published_figures_are_about():
    survey = get_survey("help-us-help-you")
    assert "yes" in survey.question("q-before-thoughts").answer_ids
    assert "yes" in survey.question("q-before-masturbation").answer_ids
    self_harm = survey.question("q-self-harm")
    assert self_harm.crisis_about(["sometimes", "often"]) == ["self-harm", "self-harm"]
    assert self_harm.crisis_about(["no"]) == []
    assert survey.question("q-sought-contact").crisis_about(["yes"]) == ["harm-to-child"]


def test_a_good_file_becomes_a_survey_with_every_question_type(tmp_path):
    root = write(tmp_path, GOOD)
    survey, problems = read_survey(root / "en" / "surveys" / "tiny.yaml", root)
    assert problems == []
    kinds = {q.id: q.type for q in survey.questions}
    assert set(kinds.values()) == {
        "single",
        "multiple",
        "scale",
        "likert",
        "number",
        "short_text",
        "long_text",
    }
    assert survey.question("q-pick").answer_ids == ("yes", "no", "other")
    assert survey.question("q-scale").answer_ids == tuple(str(n) for n in range(11))
    assert survey.question("q-count").answer_ids[-1] == "20"
    assert survey.question("q-then").show_if == Condition("q-pick", frozenset({"yes", "other"}))


def test_an_unquoted_yes_is_reported_at_its_line(tmp_path):
    root = write(
        tmp_path,
        GOOD.replace(
            '{id: "yes", label: "Yes"}\n          - {id: "no"',
            '{id: yes, label: "Yes"}\n          - {id: "no"',
        ),
    )
    problems = check(root)
    assert any("not True" in p.message for p in problems), problems


def test_a_condition_on_a_later_or_unknown_question_is_reported_with_its_line(tmp_path):
    root = write(tmp_path, GOOD.replace("question: q-pick", "question: q-nowhere"))
    [problem] = check(root)
    assert problem.path == "content/en/surveys/tiny.yaml"
    assert problem.line == GOOD.splitlines().index("      - id: q-then") + 1
    assert "q-nowhere" in problem.message


def test_a_label_with_an_unquoted_comma_is_caught(tmp_path):
    root = write(tmp_path, GOOD.replace("{id: a, label: A}", "{id: a, label: A, or not}"))
    assert any("comma" in p.message for p in check(root))


def test_broken_yaml_points_at_its_line(tmp_path):
    root = write(tmp_path, GOOD.replace("title: One", "title: [One"))
    [problem] = check(root)
    assert problem.message.startswith("YAML cannot be read")
    assert problem.line > 1


def test_wrong_types_ranges_and_duplicates_are_all_reported(tmp_path):
    text = (
        GOOD.replace("type: scale", "type: slider")
        .replace("max: 20", "max: 900")
        .replace("id: q-short", "id: q-long")
        .replace("minutes: 2", "minutes: none")
    )
    messages = " ".join(p.message for p in check(write(tmp_path, text)))
    assert "slider" in messages
    assert "at most 200" in messages
    assert "used twice" in messages
    assert "minutes" in messages


def test_a_translation_must_keep_the_same_ids(tmp_path):
    root = write(tmp_path, GOOD)
    write(tmp_path, GOOD.replace("id: b, label: B", "id: c, label: C"), language="fi")
    [problem] = check(root)
    assert problem.path == "content/fi/surveys/tiny.yaml"
    assert "match the reference" in problem.message
