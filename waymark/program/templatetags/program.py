"""Turns the program's internal link targets into URLs, and fills figures with live numbers."""

import re
from dataclasses import dataclass
from functools import lru_cache

from django import template
from django.core.cache import cache
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, override

from waymark import links
from waymark.program import content
from waymark.program.fields import question_html
from waymark.program.markdown import TARGET_KINDS
from waymark.surveys.definitions import get_survey
from waymark.surveys.figures import Figure, live_figure

register = template.Library()

HREF = re.compile(r'href="(' + "|".join(re.escape(k) for k in TARGET_KINDS) + r'):([^"]*)"')


def survey_url(survey_id: str) -> str:
    return reverse("surveys:detail", args=[survey_id])


@lru_cache(maxsize=1024)
def target_url(language: str, kind: str, value: str) -> str:
    """The URL of an internal target (checked to exist when the content was loaded)."""
    with override(language):
        if kind == "chapter":
            return reverse("program:chapter", args=[value])
        if kind == "page":
            return reverse("program:page", args=value.split("/", 1))
        if kind == "exercise":
            form = content.program_for(language).form(value)
            page_url = reverse("program:page", args=[form.chapter_id, form.page_id])
            return f"{page_url}#{form.id}"
        if kind == "survey":
            return survey_url(value)
        return reverse(links.PROGRAM_TEXT_TARGETS[(kind, value)])


@lru_cache(maxsize=4096)
def _linked(html: str, language: str) -> str:
    return HREF.sub(lambda m: f'href="{target_url(language, m[1], m[2])}"', html)


@register.filter
def internal_links(html: str) -> str:
    """Program HTML (made safe when loaded) with its links pointing at real pages."""
    return mark_safe(_linked(html, get_language() or content.REFERENCE))  # noqa: S308


@dataclass(frozen=True)
class FigureNumbers:
    """The published figure the text credits, and Waymark's own beside it when there is one."""

    percent: float
    respondents: int
    source: str
    live: Figure | None
    survey_title: str


# Survey figures move only after many new answers; a page need not ask the database each time.
FIGURE_SECONDS = 300


def _live(figure):
    key = f"program-figure:{figure.survey}:{figure.question}:{figure.answer}"
    kept = cache.get(key)
    if kept is None:
        kept = (live_figure(figure.survey, figure.question, figure.answer),)
        cache.set(key, kept, FIGURE_SECONDS)
    return kept[0]


@register.simple_tag
def figure_numbers(figure) -> FigureNumbers:
    fallback = figure.fallback
    source = fallback.source
    if str(fallback.year) not in source:
        source = f"{source}, {fallback.year}"
    survey = get_survey(figure.survey, get_language())
    return FigureNumbers(
        fallback.percent, fallback.n, source, _live(figure), survey.title if survey else ""
    )


@register.simple_tag
def survey_link(survey_id: str) -> str:
    return survey_url(survey_id)


@register.simple_tag
def question(field):
    return question_html(field)


@register.filter
def origins(fields) -> str:
    """Where a form's suggested first answers came from, each named once."""
    return ", ".join(dict.fromkeys(f.origin for f in fields if f.origin))
