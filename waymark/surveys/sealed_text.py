"""Survey free text, sealed for the research team the moment it is stored (SECURITY.md 19, 20).

What people type into a survey is kept apart from their choices: the choices stay readable,
for counts and cross-tabs; the free text is sealed to the research team's public key
(waymark.staff.teams) and opens only in a researcher's session. A copy of the database shows
no sentence anyone wrote. Where no research team has a key yet, free text is not kept at all.
"""

import json

from waymark import crypto
from waymark.staff import teams
from waymark.staff.models import Team
from waymark.surveys.answers import FREE_TEXT_KEYS

NoTeamKey = teams.NoTeamKey


def _bound(survey_id: str, response_id) -> bytes:
    return crypto.bound_to("waymark survey free text v1", survey_id, str(response_id))


def split(answers: dict) -> tuple[dict, dict]:
    """(the answers without their free text, {question id: {"text"/"other": text}})."""
    plain, texts = {}, {}
    for question_id, answer in answers.items():
        typed = {key: answer[key] for key in FREE_TEXT_KEYS if answer.get(key)}
        plain[question_id] = {k: v for k, v in answer.items() if k not in FREE_TEXT_KEYS}
        if typed:
            texts[question_id] = typed
    return plain, texts


def seal(survey_id: str, response_id, texts: dict) -> bytes | None:
    """The free text sealed for the research team; None when there is none to keep, or no
    team key to keep it under."""
    if not texts:
        return None
    plaintext = json.dumps(texts, ensure_ascii=False).encode()
    return teams.seal_for_team(Team.RESEARCH, plaintext, _bound(survey_id, response_id))


def opened(session, survey_id: str, response_id, sealed) -> dict:
    """{question id: {"text"/"other": text}}; raises NoTeamKey without the research key."""
    if sealed is None:
        return {}
    plaintext = teams.open_for_team(
        session, Team.RESEARCH, bytes(sealed), _bound(survey_id, response_id)
    )
    return json.loads(plaintext)
