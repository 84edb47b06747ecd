from django.apps import AppConfig


class HelpConfig(AppConfig):
    name = "waymark.help"
    label = "help"

    def ready(self):
        # Read and check the helplines once at start, so a broken file stops the server
        # instead of the help page failing for a person in crisis.
        from django.conf import settings

        from waymark.help.helplines import helplines_for
        from waymark.web.content import load_at_start

        load_at_start(lambda: [helplines_for(code) for code, _name in settings.LANGUAGES])
