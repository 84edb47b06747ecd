from django import template
from django.conf import settings
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils.translation import get_language, get_language_info, override

register = template.Library()


def same_page_in(path: str, language: str) -> str:
    """This page's address in another language, or that language's start page.

    Built from the page the URL conf found, never from the request path itself: a path
    such as "//evil.example/" would otherwise come back as a link to another site.
    """
    try:
        match = resolve(path)
    except Resolver404:
        match = None
    with override(language):
        if match is not None and match.view_name:
            try:
                return reverse(match.view_name, args=match.args, kwargs=match.kwargs)
            except NoReverseMatch:
                pass  # a catch-all view (the admin's) that has no address of its own
        return f"/{language}/"


@register.inclusion_tag("web/_language_links.html", takes_context=True)
def language_links(context):
    """Links to this same page in every other language: the language lives in the URL."""
    request = context.get("request")
    current = get_language()
    links = []
    if request is not None:
        for code, _name in settings.LANGUAGES:
            if code != current:
                info = get_language_info(code)
                links.append(
                    {
                        "code": code,
                        "name": info["name_local"],
                        "url": same_page_in(request.path_info, code),
                    }
                )
    return {"links": links}
