"""How an app gathers parts that other apps provide, without knowing them.

The app that shows something (the workspace page, the workbook, what can be shared) names no
other app; a setting lists the functions that provide its parts ("waymark.diary.workbook.
sections"), and the links between apps are declared there, in one place.
"""

from django.utils.module_loading import import_string


def from_each(dotted_paths: list[str], *args) -> list:
    """What each function named in `dotted_paths` returns for `args`, in the setting's order."""
    return [import_string(dotted)(*args) for dotted in dotted_paths]
