from django.core.management.base import BaseCommand

from waymark.workspace import workspaces
from waymark.workspace.sessions import SessionStore


class Command(BaseCommand):
    help = (
        "Delete workspaces unused for WAYMARK_WORKSPACE_RETENTION_DAYS, unsaved workspaces "
        "whose session has ended, and expired sessions. Schedule it daily."
    )

    def handle(self, *args, **options):
        saved, unsaved = workspaces.expire()
        SessionStore.clear_expired()
        self.stdout.write(f"Deleted {saved} unused saved and {unsaved} unsaved workspaces.")
