"""The numbers themselves, for a crisis box anywhere on the site: the reader's countries first.

A person who has just said they might harm themselves or a child should not have to follow a
link to find a number. Other apps' templates call `{% helpline_numbers "crisis prevention" %}`
with the kinds of help the box is about, in the order to show them.
"""

from django import template
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from waymark.help.helplines import KINDS, helplines_for

register = template.Library()

HEADINGS = {
    "crisis": _("If you might harm yourself:"),
    "prevention": _("If you fear you might harm a child, or cannot stop looking:"),
    "survivors": _("If you or someone close to you was harmed by abuse:"),
}


@register.inclusion_tag("help/_numbers.html")
def helpline_numbers(kinds: str) -> dict:
    wanted = kinds.split()
    if not wanted or any(kind not in KINDS for kind in wanted):
        raise template.TemplateSyntaxError(f"unknown helpline kinds {kinds!r}")
    helplines = helplines_for(get_language())
    return {
        "groups": [(HEADINGS[kind], helplines.of_kind(kind)) for kind in wanted],
        "emergency": helplines.emergency,
    }


@register.simple_tag
def helpline_groups(kind: str) -> dict:
    """The help page's list of one kind: the reader's own countries, then the others."""
    helplines = helplines_for(get_language())
    return {"local": helplines.local(kind), "elsewhere": helplines.elsewhere(kind)}
