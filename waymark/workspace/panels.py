"""What other apps add to the workspace page, such as "1 new reply" from a counsellor.

Workspace cannot know those apps (they use it, not the other way round), so each names a
provider in settings.WAYMARK_WORKSPACE_PANELS: a function taking the person's AnswerStore and
returning Panels. Replies wait here for the person: there is no e-mail and no notification.
"""

from dataclasses import dataclass

from django.conf import settings

from waymark.web.providers import from_each


@dataclass(frozen=True)
class Panel:
    title: str
    link: str
    link_label: str
    text: str = ""
    # Something new since the person last looked: shown as a status they notice first.
    news: str = ""


def workspace_panels(store) -> list[Panel]:
    return [p for part in from_each(settings.WAYMARK_WORKSPACE_PANELS, store) for p in part]
