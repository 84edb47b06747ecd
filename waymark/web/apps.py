from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "waymark.web"
    label = "web"

    def ready(self):
        from django.core import checks

        from waymark import links

        # A link between apps that leads nowhere stops `manage.py check` and the test run.
        checks.register(links.check_urls, checks.Tags.urls)
