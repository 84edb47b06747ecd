"""What survey tests share: walking a survey through the Django test client, and the end
of the hour in which responses arrived."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from waymark.surveys import sealed_text
from waymark.surveys.definitions import get_survey
from waymark.surveys.intake import settle

HELP_US = "help-us-help-you"
MOTIVATION = "motivation-to-change"


def page_url(survey_id: str, number: int) -> str:
    return reverse("surveys:page", args=[survey_id, number])


def start(client, survey_id: str):
    return client.post(reverse("surveys:start", args=[survey_id]))


def token_on(response) -> str:
    html = response.content.decode()
    marker = 'name="submission" value="'
    at = html.index(marker) + len(marker)
    return html[at : html.index('"', at)]


def walk(client, survey_id: str, pages: dict[int, dict], follow_to_end: bool = True, stop_at=None):
    """Starts the survey and posts each page's data; pages not given are sent empty.

    Stops before page `stop_at`, or at the first page that does not move on unless
    `follow_to_end`. Returns the last response (the redirect after sending at the end).
    """
    response = start(client, survey_id)
    while response.status_code == 302 and "/page/" in response["Location"]:
        location = response["Location"]
        number = int(location.rstrip("/").rsplit("/", 1)[1])
        if number == stop_at:
            return response
        shown = client.get(location)
        data = {"action": "next", **pages.get(number, {})}
        if 'name="submission"' in shown.content.decode():
            data["submission"] = token_on(shown)
        response = client.post(location, data)
        if not follow_to_end and response.status_code != 302:
            return response
    return response


def after_the_hour(survey_id: str = HELP_US, hours: int = 1) -> None:
    """What the first visitor after this hour sets off: its responses counted or held."""
    settle(get_survey(survey_id), timezone.now() + timedelta(hours=hours))


def typed_text(client, row) -> dict:
    """What a response's respondent typed, as a signed-in researcher (`client`) opens it."""
    return sealed_text.opened(client.session, row.survey_id, row.id, row.sealed_text)
