from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

register = template.Library()


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
                        "url": translate_url(request.path, code),
                    }
                )
    return {"links": links}
