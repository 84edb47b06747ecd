"""The HTML of one question on a form, with what the person typed and what is wrong.

Written in Python rather than as a template include: a page of exercises holds dozens of
questions with hundreds of options, and the template engine took most of the time of a
personal page (bench/results/pages.md). Every value is escaped by format_html.
"""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from waymark.program.answers import Field
from waymark.program.model import SCALE

NOTHING = mark_safe("")
CHECKED = mark_safe(" checked")
INVALID = mark_safe(' aria-invalid="true"')


def _described_by(*ids: str) -> SafeString:
    present = " ".join(i for i in ids if i)
    return format_html(' aria-describedby="{}"', present) if present else NOTHING


def _invalid(field: Field) -> SafeString:
    return INVALID if field.error else NOTHING


def _hint_and_error(field: Field) -> SafeString:
    q = field.question
    hint = format_html('<p class="hint" id="{}-hint">{}</p>\n', q.id, q.help) if q.help else ""
    if field.origin:
        origin = _("Filled in from your answers to %(where)s. Change it as you like.") % {
            "where": field.origin
        }
        hint = format_html('{}<p class="hint" id="{}-origin">{}</p>\n', hint, q.id, origin)
    error = (
        format_html('<ul class="errorlist" id="{}-error"><li>{}</li></ul>\n', q.id, field.error)
        if field.error
        else ""
    )
    return format_html("{}{}", hint, error)


def _text(field: Field) -> SafeString:
    q = field.question
    described = _described_by(
        q.help and f"{q.id}-hint",
        field.origin and f"{q.id}-origin",
        field.error and f"{q.id}-error",
    )
    if q.type == "long_text":
        control = format_html(
            '<textarea id="{}" name="{}" rows="5" autocomplete="off"{}{}>{}</textarea>',
            q.id,
            q.id,
            described,
            _invalid(field),
            field.text,
        )
    else:
        control = format_html(
            '<input type="text" id="{}" name="{}" value="{}" autocomplete="off"{}{}>',
            q.id,
            q.id,
            field.text,
            described,
            _invalid(field),
        )
    return format_html(
        '<label for="{}">{}</label>\n{}{}\n', q.id, q.label, _hint_and_error(field), control
    )


def _scale(field: Field) -> SafeString:
    q = field.question
    ends = format_html(
        '<p class="scale-ends" id="{}-ends"><span>{}</span> <span>{}</span></p>\n',
        q.id,
        _("0 = %(label)s") % {"label": q.min_label},
        _("10 = %(label)s") % {"label": q.max_label},
    )
    chosen = field.scale_value
    radios = format_html_join(
        "\n",
        '<label><input type="radio" name="{}" value="{}"{}>{}</label>',
        ((q.id, n, CHECKED if str(n) == chosen else NOTHING, n) for n in SCALE),
    )
    return format_html('{}<div class="scale">\n{}\n</div>\n', ends, radios)


def _choices(field: Field) -> SafeString:
    q = field.question
    kind = "checkbox" if q.type == "checklist" else "radio"
    boxes = format_html_join(
        "\n",
        '<label><input type="{}" name="{}" value="{}"{}>{}</label>',
        (
            (kind, q.id, o.id, CHECKED if o.id in field.selected else NOTHING, o.label)
            for o in q.options
        ),
    )
    other = (
        format_html(
            '<label for="{}--other">{}</label>\n'
            '<input type="text" id="{}--other" name="{}--other" value="{}" autocomplete="off">\n',
            q.id,
            _("Something else (optional)"),
            q.id,
            q.id,
            field.other,
        )
        if q.other
        else ""
    )
    return format_html('<div class="choice">\n{}\n</div>\n{}', boxes, other)


def question_html(field: Field) -> SafeString:
    q = field.question
    if q.is_text:
        return _text(field)
    described = _described_by(
        q.help and f"{q.id}-hint",
        field.origin and f"{q.id}-origin",
        q.type == "scale" and f"{q.id}-ends",
        field.error and f"{q.id}-error",
    )
    body = _scale(field) if q.type == "scale" else _choices(field)
    return format_html(
        '<fieldset id="{}"{}>\n<legend>{}</legend>\n{}{}</fieldset>\n',
        q.id,
        described,
        q.label,
        _hint_and_error(field),
        body,
    )
