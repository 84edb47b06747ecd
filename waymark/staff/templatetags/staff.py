from django import template

from waymark.staff import sections

register = template.Library()


@register.inclusion_tag("staff/_bar.html", takes_context=True)
def staff_bar(context):
    user = context["request"].user
    return {
        "sections": sections.for_user(user),
        "admin": user.is_superuser,
        "csrf_token": context.get("csrf_token"),
    }
