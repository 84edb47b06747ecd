"""What the diary's tests share: a filled-in entry, as a person would send it."""

import re

NEW = "/en/diary/new/"


def fresh_entry_id(client) -> str:
    page = client.get(NEW)
    return re.search(r'name="entry_id" value="([^"]+)"', page.text).group(1)


def entry_form(client, **changes) -> dict:
    data = {
        "entry_id": fresh_entry_id(client),
        "day": "today",
        "part": "evening",
        "situation": "alone-at-home",
        "situation_note": "",
        "emotions": ["lonely", "bored"],
        "urge": "7",
        "thoughts": "Just this once",
        "actions": ["go-outside", "call-someone"],
        "action_other": "",
        "acted": "no",
        "urge_after": "3",
    }
    data.update(changes)
    return data


def entry_ids(client) -> list[str]:
    home = client.get("/en/diary/")
    return re.findall(r"/en/diary/entries/([^/]+)/chain/", home.text)
