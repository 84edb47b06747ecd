"""Date formats where Django's own differ from what the program shows (FORMAT_MODULE_PATH).

A module names only what it changes; the rest comes from Django's locale formats.
"""
