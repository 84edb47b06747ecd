"""Where a person is in a survey, kept in their sealed session between pages.

The state per survey is `{"answers": {...}, "token": str | None}` while answering, and
`{"done": True, "crisis": [what the answers disclosed]}` after sending. Nothing here touches
the database.
"""

from waymark.surveys.answers import OTHER_SUFFIX, read_page, visible_pages
from waymark.surveys.definitions import Page, Survey

KEY = "surveys"


def state(session, survey: Survey) -> dict | None:
    return session.get(KEY, {}).get(survey.id)


def save_state(session, survey: Survey, value: dict | None) -> None:
    everything = dict(session.get(KEY, {}))
    if value is None:
        everything.pop(survey.id, None)
    else:
        everything[survey.id] = value
    session[KEY] = everything


def page_at(survey: Survey, number: int) -> Page | None:
    if 1 <= number <= len(survey.pages):
        return survey.pages[number - 1]
    return None


def next_number(survey: Survey, answers: dict, number: int) -> int | None:
    """The next page that shows a question, or None after the last."""
    later = [i + 1 for i in visible_pages(survey, answers) if i + 1 > number]
    return later[0] if later else None


def previous_number(survey: Survey, answers: dict, number: int) -> int | None:
    earlier = [i + 1 for i in visible_pages(survey, answers) if i + 1 < number]
    return earlier[-1] if earlier else None


def first_number(survey: Survey, answers: dict) -> int:
    return next_number(survey, answers, 0) or 1


def first_unfinished(survey: Survey, answers: dict) -> int | None:
    """The first shown page whose required questions are not all answered, if any."""
    for index in visible_pages(survey, answers):
        page = survey.pages[index]
        _, _, valid = read_page(page, _AnswersAsData(answers), answers)
        if not valid:
            return index + 1
    return None


class _AnswersAsData:
    """Stored answers seen as form data, so they are checked by the same rules."""

    def __init__(self, answers: dict):
        self.answers = answers

    def _values(self, name: str) -> list[str]:
        if name.endswith(OTHER_SUFFIX):
            answer = self.answers.get(name.removesuffix(OTHER_SUFFIX), {})
            return [answer["other"]] if "other" in answer else []
        answer = self.answers.get(name, {})
        if "text" in answer:
            return [answer["text"]]
        chosen = answer.get("chosen", [])
        return chosen if isinstance(chosen, list) else [chosen]

    def get(self, name: str, default=None):
        values = self._values(name)
        return values[0] if values else default

    def getlist(self, name: str) -> list[str]:
        return self._values(name)
