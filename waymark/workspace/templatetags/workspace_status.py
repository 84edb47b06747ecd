from django import template

from waymark.workspace.store import store_for

register = template.Library()


@register.simple_tag(takes_context=True)
def workspace_saved(context) -> bool:
    """Whether the person asking keeps their work; False where there is no session."""
    request = context.get("request")
    if request is None or not hasattr(request, "session"):
        return False
    return store_for(request).saved
