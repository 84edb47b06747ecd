"""Walking the site as a person does: every page a link leads to, every form on them.

Used by the tests that check a promise on every page (links, cookies, text fields, titles)
and by the bad-input tests that send every form something hostile.
"""

import html
import re
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

LINK = re.compile(r'<a [^>]*href="([^"]+)"')
TITLE = re.compile(r"<title>(.*?)</title>", re.S)
MOST_PAGES = 500
TEXT_TYPES = {"text", "password", "search", "email", "tel", "url", "number", None}


@dataclass
class Control:
    tag: str
    attrs: dict
    text: str = ""

    @property
    def name(self) -> str:
        return self.attrs.get("name") or ""

    @property
    def type(self) -> str | None:
        return self.attrs.get("type") if self.tag == "input" else None

    @property
    def takes_text(self) -> bool:
        return self.tag == "textarea" or (self.tag == "input" and self.type in TEXT_TYPES)


@dataclass
class Form:
    page: str
    action: str
    method: str
    controls: list[Control] = field(default_factory=list)

    def values(self) -> dict[str, list[str]]:
        """What the browser would send as the form stands, with no button pressed."""
        data: dict[str, list[str]] = {}
        for control in self.controls:
            if not control.name or control.tag == "button":
                continue
            if control.type in ("radio", "checkbox") and "checked" not in control.attrs:
                continue
            if control.type in ("submit", "reset", "image"):
                continue
            value = control.text if control.tag == "textarea" else control.attrs.get("value") or ""
            data.setdefault(control.name, []).append(value)
        return data

    def names(self) -> list[str]:
        """Every field the form can send, ticked or not (buttons and the CSRF token aside)."""
        return sorted(
            {
                control.name
                for control in self.controls
                if control.name
                and control.name != "csrfmiddlewaretoken"
                and control.tag != "button"
                and control.type not in ("submit", "reset", "image")
            }
        )

    def buttons(self) -> list[dict[str, str]]:
        """The extra name and value each named button adds when pressed ({} for unnamed)."""
        found = [
            {control.name: control.attrs.get("value", "")} if control.name else {}
            for control in self.controls
            if control.tag == "button" or control.type == "submit"
        ]
        return found or [{}]


class _FormParser(HTMLParser):
    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.forms: list[Form] = []
        self._textarea: Control | None = None

    def handle_starttag(self, tag, attrs):
        attrs = {name: value if value is not None else "" for name, value in attrs}
        if tag == "form":
            self.forms.append(
                Form(
                    self.page,
                    attrs.get("action") or self.page,
                    (attrs.get("method") or "get").lower(),
                )
            )
        elif tag in ("input", "textarea", "button", "select") and self.forms:
            control = Control(tag, attrs)
            self.forms[-1].controls.append(control)
            if tag == "textarea":
                self._textarea = control
        elif tag == "option" and self.forms and self.forms[-1].controls:
            select = self.forms[-1].controls[-1]
            if select.tag == "select" and ("selected" in attrs or "value" not in select.attrs):
                select.attrs["value"] = attrs.get("value", "")

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea.text += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None


def forms_on(page: str, text: str) -> list[Form]:
    parser = _FormParser(page)
    parser.feed(text)
    return parser.forms


def title_of(text: str) -> str:
    found = TITLE.search(text)
    return html.unescape(found.group(1)).strip() if found else ""


def same_site_links(text: str) -> list[str]:
    """Addresses on this site that a page links to, without fragments or static files."""
    found = []
    for href in LINK.findall(text):
        address = urldefrag(html.unescape(href))[0]
        parts = urlsplit(address)
        if parts.scheme or parts.netloc or not address.startswith("/"):
            continue
        if not address.startswith("/static/"):
            found.append(address)
    return found


@dataclass
class Visit:
    path: str
    status: int
    response: object
    forms: list[Form]


def leaves_the_site(path: str) -> bool:
    """The quick exit: it ends the visit (and the session) by design."""
    return path.endswith("/help/exit/")


def _visit(path: str, response) -> Visit:
    is_html = "text/html" in response.get("Content-Type", "")
    forms = forms_on(path, response.text) if is_html and response.status_code == 200 else []
    return Visit(path, response.status_code, response, forms)


def _next_addresses(visit: Visit) -> list[str]:
    response = visit.response
    if visit.status in (301, 302, 303):
        location = response["Location"]
        return [location] if location.startswith("/") else []
    if "text/html" in response.get("Content-Type", ""):
        return same_site_links(response.text)
    return []


def walk(client, *starts: str, submit_forms: bool = False, most: int = MOST_PAGES):
    """Every page reachable from `starts`, each opened once, as `client`.

    Yields a Visit per address; redirects within the site are followed as links. With
    `submit_forms`, each form that posts is also sent once as it stands (its first button),
    and the walk goes on from where it leads: survey pages, a passphrase being shown. A form
    with several buttons is sent once with each (Next, Back, Stop). The
    quick exit is not taken: it would end the walker's session.
    """
    seen: set[str] = set()
    sent: set[tuple] = set()
    queue = deque(starts)
    while queue and len(seen) < most:
        path = queue.popleft()
        if path in seen or leaves_the_site(path):
            continue
        seen.add(path)
        visit = _visit(path, client.get(path))
        yield visit
        queue.extend(_next_addresses(visit))
        if not submit_forms:
            continue
        for form in visit.forms:
            for button in form.buttons():
                key = (form.action, tuple(form.names()), tuple(button.items()))
                if form.method != "post" or key in sent:
                    continue
                sent.add(key)
                data = {**form.values(), **{name: [value] for name, value in button.items()}}
                posted = _visit(form.action, client.post(form.action, data))
                yield posted
                queue.extend(_next_addresses(posted))
