"""Markdown to HTML for program texts, keeping every link inside the program.

Raw HTML in a text is shown as text, never as markup. A link may only point at an internal
target (`chapter:`, `page:`, `exercise:`, `help:`, `diary:`, `self-check:`, `survey:`,
`workspace:`); the HTML keeps the target so the page can turn it into a URL for the
reader's language. Anything else (another website, an image) is reported as a problem.
"""

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt

TARGET_KINDS = (
    "chapter",
    "page",
    "exercise",
    "help",
    "diary",
    "self-check",
    "survey",
    "workspace",
)
TARGET = re.compile(r"^(" + "|".join(re.escape(k) for k in TARGET_KINDS) + r"):(.*)$")
WORD = re.compile(r"\w+")
TAG = re.compile(r"<[^>]+>")

_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_md.enable("table")
# Internal targets are not URLs; keep them exactly as written.
_md.normalizeLink = lambda url: url
_md.validateLink = lambda url: True


@dataclass(frozen=True)
class Link:
    kind: str
    value: str
    line: int


@dataclass(frozen=True)
class Rendered:
    html: str
    links: tuple[Link, ...]
    # Lines (counted in the file) with a link or image that leaves the program.
    outside: tuple[tuple[int, str], ...]


def render(text: str, first_line: int = 1, inline: bool = False) -> Rendered:
    tokens = _md.parseInline(text) if inline else _md.parse(text)
    links: list[Link] = []
    outside: list[tuple[int, str]] = []
    for token in tokens:
        line = first_line + (token.map[0] if token.map else 0)
        for child in token.children or ():
            if child.type == "image":
                outside.append((line, f"images are not allowed: {child.attrGet('src')}"))
            elif child.type == "link_open":
                href = str(child.attrGet("href") or "")
                match = TARGET.match(href)
                if match:
                    links.append(Link(match[1], match[2], line))
                else:
                    outside.append(
                        (line, f"link to {href!r}: only links inside the program are allowed")
                    )
    html = _md.renderer.render(tokens, _md.options, {})
    return Rendered(html, tuple(links), tuple(outside))


def words(html: str) -> int:
    return len(WORD.findall(TAG.sub(" ", html)))
