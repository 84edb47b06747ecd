"""The program's part of the downloadable workbook: exercises, Summary Form, self-checks."""

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from waymark.program import answers, content, model, selfcheck
from waymark.workspace.workbook import WorkbookEntry, WorkbookSection


def _form_entries(form: model.Form, records: dict) -> list[WorkbookEntry]:
    heading = answers.form_name(form)
    return [
        WorkbookEntry(f"{heading}. {q.label}", answers.display(q, records.get(q.id)))
        for q in form.questions
    ]


def sections(store) -> list[WorkbookSection]:
    """Every chapter's exercises with the person's answers (blank where not answered yet)."""
    program = content.program_for(get_language())
    records = store.all(answers.ANSWER)
    result = []
    for chapter in program.chapters:
        entries = [entry for form in chapter.forms for entry in _form_entries(form, records)]
        if entries:
            title = _("Chapter %(number)s: %(title)s") % {
                "number": chapter.number,
                "title": chapter.title,
            }
            result.append(WorkbookSection(title, tuple(entries)))
    kept = selfcheck.entries(store.all(selfcheck.KIND))
    if kept:
        check = program.self_check
        entries = [
            WorkbookEntry(
                f"{item['day']}: {q.label}", answers.display(q, item["answers"].get(q.id))
            )
            for item in kept
            for q in selfcheck.shown_questions(check, [item])
        ]
        result.append(WorkbookSection(check.title, tuple(entries)))
    return result


def shareable(store) -> dict[str, WorkbookSection]:
    """What a person may share with a counsellor: each Summary Form with what it gathers, and
    each exercise they answered, with the answers given (empty questions left out)."""
    program = content.program_for(get_language())
    records = store.all(answers.ANSWER)
    items = {}
    for form in program.forms:
        given = [
            (q.label, text)
            for q in form.questions
            if (text := answers.display(q, records.get(q.id)))
        ]
        if isinstance(form, model.SummaryForm):
            given = [
                (f"{answers.form_name(part['exercise'])}. {q.label}", text)
                for part in answers.gathered(program, form, records)
                for q, text in part["answers"]
            ] + given
        if given:
            entries = tuple(WorkbookEntry(label, text) for label, text in given)
            items[form.id] = WorkbookSection(answers.form_name(form), entries)
    return items
