from django.apps import AppConfig


class WorkspaceConfig(AppConfig):
    name = "waymark.workspace"
    label = "workspace"
