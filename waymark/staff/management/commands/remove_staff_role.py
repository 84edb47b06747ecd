"""Takes a team role from a staff member, and with it their copy of the team key."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.management.base import BaseCommand, CommandError

from waymark.staff import teams
from waymark.staff.models import Team


class Command(BaseCommand):
    help = (
        "Removes a staff member from a team: the role goes, and so does their sealed copy of "
        "the team key. Keep at least one other member who holds it."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("team", choices=Team.values)

    def handle(self, *args, username, team, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"There is no user named {username!r}.")
        codename = teams.ROLE_PERMISSIONS[team].split(".")[1]
        user.user_permissions.remove(
            Permission.objects.get(codename=codename, content_type__app_label="staff")
        )
        self.stdout.write(f"{username} is no longer in the {team} team and holds no key of it.")
