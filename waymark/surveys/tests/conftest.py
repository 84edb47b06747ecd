"""Staff for the survey tests: a researcher with a TOTP device, logged in or not."""

import time

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "a long staff password 1"


def code_for(device: TOTPDevice, offset: int = 0) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + offset
    return f"{totp.token():06d}"


def make_staff(django_user_model, name: str, researcher: bool):
    user = django_user_model.objects.create_user(name, password=PASSWORD, is_staff=True)
    if researcher:
        user.user_permissions.add(Permission.objects.get(codename="view_research"))
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    return user, device


@pytest.fixture
def researcher(django_user_model):
    return make_staff(django_user_model, "rita", researcher=True)


def log_in(client, username, device, code=None):
    return client.post(
        reverse("staff-login"),
        {"username": username, "password": PASSWORD, "code": code or code_for(device)},
    )


@pytest.fixture
def research_client(client, researcher):
    _user, device = researcher
    assert log_in(client, "rita", device)["Location"] == reverse("staff-research")
    return client
