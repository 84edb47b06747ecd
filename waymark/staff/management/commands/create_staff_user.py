"""Creates a staff account with its own key and a TOTP second factor."""

import getpass
import io
import os

import segno
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from waymark.staff import teams
from waymark.staff.models import StaffKey, Team, TeamKeyShare, TOTPDevice


class Command(BaseCommand):
    help = (
        "Creates a staff user with a TOTP second factor and a key of their own. The password "
        "is asked for, or read from the environment variable named by --password-env. Prints "
        "the otpauth:// address and a QR code as text; --qr-svg FILE also writes it as SVG. "
        "The first member of a team founds its key; later members are given it by a member "
        "who holds it, on the staff page 'Teams and keys'."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--researcher", action="store_true", help="Research team: figures, review, export."
        )
        parser.add_argument(
            "--counsellor", action="store_true", help="Counselling team: conversations."
        )
        parser.add_argument(
            "--operator",
            action="store_true",
            help="The operator page: version, content check, counts, daily jobs.",
        )
        parser.add_argument("--superuser", action="store_true", help="May do everything.")
        parser.add_argument("--password-env", help="Read the password from this variable.")
        parser.add_argument("--qr-svg", help="Also write the QR code to this SVG file.")

    def handle(self, *args, username, password_env, qr_svg, superuser, operator, **options):
        user_model = get_user_model()
        if user_model.objects.filter(username=username).exists():
            raise CommandError(f"A user named {username!r} exists already.")
        password = self._password(password_env)
        user = user_model(username=username, is_staff=True, is_superuser=superuser)
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        roles = [
            team
            for team, flag in ((Team.RESEARCH, "researcher"), (Team.COUNSEL, "counsellor"))
            if options[flag]
        ]
        with transaction.atomic():
            user.set_password(password)
            user.save()
            # The key is bound to the user's id, known only now.
            private, key_fields = teams.new_own_key(user.pk, password)
            StaffKey.objects.create(user=user, **key_fields)
            permissions = [teams.ROLE_PERMISSIONS[team] for team in roles]
            for permission in permissions + ([teams.OPERATOR] if operator else []):
                user.user_permissions.add(
                    Permission.objects.get(
                        codename=permission.split(".")[1], content_type__app_label="staff"
                    )
                )
            user = user_model.objects.get(pk=user.pk)
            teams.open_shares(user, private)
            device = TOTPDevice(user=user, name="authenticator", confirmed=True)
            device.set_secret(os.urandom(20))
            device.save()
        self.stdout.write(f"Created staff user {username!r}.")
        for team in roles:
            if TeamKeyShare.objects.filter(user=user, team_key__team=team).exists():
                self.stdout.write(f"{username} holds the {team} team key.")
            else:
                self.stdout.write(
                    f"{username} joins the {team} team: a member who holds its key gives it to "
                    "them on the staff page 'Teams and keys' (/staff/team/)."
                )
        self._show_code(device.config_url(settings.WAYMARK_SITE_NAME), qr_svg)

    def _password(self, password_env: str | None) -> str:
        if password_env:
            return os.environ.get(password_env, "")
        password = getpass.getpass("Password: ")
        if password != getpass.getpass("Password again: "):
            raise CommandError("The passwords differ.")
        return password

    def _show_code(self, uri: str, qr_svg: str | None) -> None:
        code = segno.make(uri, error="m")
        self.stdout.write("Add this to an authenticator app (keep it secret):")
        self.stdout.write(uri)
        picture = io.StringIO()
        code.terminal(out=picture, compact=True)
        self.stdout.write(picture.getvalue())
        if qr_svg:
            code.save(qr_svg, kind="svg", scale=4)
            self.stdout.write(f"QR code written to {qr_svg}.")
