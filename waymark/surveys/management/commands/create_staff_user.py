"""Creates a staff account with a TOTP device and prints how to add it to an app."""

import getpass
import io
import os

import segno
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = (
        "Creates a staff user with a TOTP second factor. The password is asked for, or read "
        "from the environment variable named by --password-env. Prints the otpauth:// URI and "
        "a QR code as text; --qr-svg FILE also writes it as SVG."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--researcher", action="store_true", help="May see research views and export."
        )
        parser.add_argument("--superuser", action="store_true", help="May do everything.")
        parser.add_argument("--password-env", help="Read the password from this variable.")
        parser.add_argument("--qr-svg", help="Also write the QR code to this SVG file.")

    def handle(self, *args, username, researcher, superuser, password_env, qr_svg, **options):
        user_model = get_user_model()
        if user_model.objects.filter(username=username).exists():
            raise CommandError(f"A user named {username!r} exists already.")
        if password_env:
            password = os.environ.get(password_env, "")
        else:
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password again: "):
                raise CommandError("The passwords differ.")
        user = user_model(username=username, is_staff=True, is_superuser=superuser)
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        with transaction.atomic():
            user.set_password(password)
            user.save()
            if researcher:
                user.user_permissions.add(
                    Permission.objects.get(
                        codename="view_research", content_type__app_label="surveys"
                    )
                )
            device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
        uri = device.config_url
        code = segno.make(uri, error="m")
        self.stdout.write(f"Created staff user {username!r}.")
        self.stdout.write("Add this to an authenticator app (keep it secret):")
        self.stdout.write(uri)
        picture = io.StringIO()
        code.terminal(out=picture, compact=True)
        self.stdout.write(picture.getvalue())
        if qr_svg:
            code.save(qr_svg, kind="svg", scale=4)
            self.stdout.write(f"QR code written to {qr_svg}.")
