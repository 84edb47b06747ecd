"""Every link from one app to another's pages or content, declared in one place.

An app links to its own pages as it likes. A link to a page that another app serves is
declared here (`LINKS`): the URL name, the app that serves it and the apps that link to it.
So are the program's ids that another app links to (the diary's exercises and pages) and the
pages outside the program that the program's texts may name (`help:now` in a Markdown link).

Kept true three ways:
- at start, a system check fails on a declared URL name that no page of its app has;
- `make check-content` fails on a declared program id that a language's program lacks
  (`check`, one of settings.WAYMARK_CONTENT_CHECKS);
- tests/test_links.py fails on a `{% url %}`, `reverse()` or `redirect()` to another app's
  page that is not declared here, and on a declaration that nothing uses.

Imports no app: every app may read it.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Link:
    url_name: str
    # The app whose view answers it (waymark.<provider>).
    provider: str
    # The apps whose templates or code link to it; "web" is the base and error templates.
    users: tuple[str, ...]


LINKS = (
    Link("program:home", "program", ("web", "surveys")),
    Link("program:chapter", "program", ("diary",)),
    Link("program:page", "program", ("diary",)),
    Link("program:exercise", "program", ("diary",)),
    Link("help:now", "help", ("web", "program", "surveys", "diary", "counsel")),
    Link("help:privacy", "help", ("web",)),
    Link("help:quick-exit", "help", ("web",)),
    Link("diary:home", "diary", ("web",)),
    Link("workspace:home", "workspace", ("web",)),
    Link("workspace:save", "workspace", ("counsel",)),
    Link("workspace:open", "workspace", ("counsel",)),
    Link("surveys:list", "surveys", ("web",)),
    Link("surveys:detail", "surveys", ("program",)),
    Link("staff-team", "staff", ("surveys", "counsel")),
)

# What a link in the program's texts may name besides chapters, pages, exercises and surveys:
# `[text](help:now)` is (kind "help", value "now"), and leads to the page named here.
PROGRAM_TEXT_TARGETS = {
    ("help", "now"): "help:now",
    ("help", "privacy"): "help:privacy",
    ("diary", "new"): "diary:new",
    ("diary", "home"): "diary:home",
    ("workspace", "save"): "workspace:save",
    ("workspace", "home"): "workspace:home",
    ("self-check", ""): "program:self-check",
}


@dataclass(frozen=True)
class ProgramPage:
    chapter: str
    page: str


# The diary's chain view: the program's exercises for stepping in at each link of the chain.
DIARY_STEP_IN = {
    "trigger": ("ex14-warning-signs", "ex15-my-plan"),
    "thoughts": ("ex11-answer-the-thoughts",),
    "emotion": ("ex10-step-in",),
    "urge": ("ex10-step-in",),
    "action": ("ex9-map-a-chain", "ex15-my-plan"),
}
# The diary, after an entry that says the urge was acted on: this page, and its chapter.
DIARY_AFTER_A_LAPSE = ProgramPage("staying-on-track", "after-a-lapse")


def diary_exercises() -> tuple[str, ...]:
    """Every exercise the diary links to, each once."""
    return tuple(dict.fromkeys(e for exercises in DIARY_STEP_IN.values() for e in exercises))


def program_ids() -> list[tuple[str, str, str]]:
    """(the app that links, kind, id) of every program id another app links to; a page is
    `chapter/page`, as in the program's texts."""
    lapse = DIARY_AFTER_A_LAPSE
    return [
        *(("diary", "exercise", exercise) for exercise in diary_exercises()),
        ("diary", "page", f"{lapse.chapter}/{lapse.page}"),
        ("diary", "chapter", lapse.chapter),
    ]


def check(content_root) -> list:
    """The content check (settings.WAYMARK_CONTENT_CHECKS): each program id another app links
    to is in every language's program."""
    from pathlib import Path

    from waymark.program import content
    from waymark.web.content import Problem, relative

    root = Path(content_root)
    return [
        Problem(
            relative(root / language / "program.yaml", root),
            1,
            f"the {app} links to {kind} {ident!r} (waymark/links.py), which this program lacks",
        )
        for language, program in content.programs_read(root).items()
        for app, kind, ident in program_ids()
        if not content.has_target(program, kind, ident)
    ]


def url_providers() -> dict[str, str]:
    """Each URL name of the site, and the app whose view answers it (a Django app's own
    name, such as "admin", for pages that are not Waymark's)."""
    from django.urls import URLResolver, get_resolver

    found: dict[str, str] = {}

    def walk(patterns, namespace: str) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                walk(pattern.url_patterns, inner)
            elif pattern.name:
                parts = pattern.callback.__module__.split(".")
                app = parts[1] if parts[0] == "waymark" else parts[-2]
                found.setdefault(namespace + pattern.name, app)

    walk(get_resolver().url_patterns, "")
    return found


def check_urls(app_configs=None, **kwargs) -> list:
    """The system check: each declared name is a page of the app declared to serve it."""
    from django.core import checks

    providers = url_providers()
    declared = [(link.url_name, link.provider) for link in LINKS] + [
        (name, name.split(":")[0]) for name in PROGRAM_TEXT_TARGETS.values()
    ]
    errors = []
    for url_name, provider in declared:
        if providers.get(url_name) != provider:
            found = providers.get(url_name)
            errors.append(
                checks.Error(
                    f"waymark/links.py declares {url_name!r}, served by {provider}, but "
                    + (f"{found} serves it" if found else "no page has that name"),
                    id="waymark.E001",
                )
            )
    return errors
