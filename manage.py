#!/usr/bin/env python3
import os
import sys

if sys.version_info < (3, 11):  # noqa: UP036 - a clear message on an old Python
    sys.exit("Waymark needs Python 3.11 or newer; this is " + sys.version.split()[0] + ".")


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "waymark.settings")
    if sys.argv[1:2] == ["check_content"]:
        # Start even with broken content, so the check can list every problem.
        os.environ["WAYMARK_CHECKING_CONTENT"] = "1"
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(sys.argv)
    except ImproperlyConfigured as error:
        # A missing secret or a malformed setting: its message says what to do.
        sys.exit(f"Waymark is not configured: {error}")


if __name__ == "__main__":
    main()
