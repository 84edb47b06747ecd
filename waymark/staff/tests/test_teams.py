"""Team keys: the first member founds one, members give it to newcomers, leavers lose it."""

import io
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from waymark import crypto
from waymark.staff import teams
from waymark.staff.models import StaffKey, TeamKey, TeamKeyShare, TOTPDevice

pytestmark = pytest.mark.django_db
TEAM = reverse("staff-team")


def give(client, team: str, member) -> int:
    return client.post(TEAM, {"team": team, "member": member.user.pk}).status_code


def test_a_newcomer_waits_until_a_member_gives_them_the_key(make_staff):
    rita, nina = make_staff("rita", "research"), make_staff("nina", "research")
    assert TeamKeyShare.objects.filter(user=rita.user).exists()
    assert not TeamKeyShare.objects.filter(user=nina.user).exists()

    newcomer = Client()
    nina.sign_in(newcomer)
    assert "wm_team_keys" in newcomer.session
    assert newcomer.session["wm_team_keys"] == {}
    waiting = newcomer.get(TEAM).text
    assert "You do not hold this team" in waiting
    # Without the key she cannot give it, not even to herself.
    assert give(newcomer, "research", nina) == 403

    member = Client()
    rita.sign_in(member)
    assert "Give nina the key" in member.get(TEAM).text
    assert give(member, "research", nina) == 302

    nina.sign_in(newcomer)
    assert newcomer.session["wm_team_keys"] == member.session["wm_team_keys"]


def test_what_is_sealed_for_the_team_opens_for_members_only(make_staff):
    rita, sam = make_staff("rita", "research"), make_staff("sam")
    sealed = teams.seal_for_team("research", b"a sentence someone wrote", b"response 7")
    member, outsider = Client(), Client()
    rita.sign_in(member)
    sam.sign_in(outsider)
    assert (
        teams.open_for_team(member.session, "research", sealed, b"response 7")
        == b"a sentence someone wrote"
    )
    with pytest.raises(teams.NoTeamKey):
        teams.open_for_team(outsider.session, "research", sealed, b"response 7")
    with pytest.raises(crypto.InvalidTag):
        teams.open_for_team(member.session, "research", sealed, b"response 8")
    assert give(outsider, "research", rita) == 403


def test_a_team_without_a_key_seals_nothing():
    assert teams.seal_for_team("counsel", b"text", b"ad") is None


def test_a_dump_holds_neither_team_key_nor_code_secret(make_staff, database_dump):
    rita = make_staff("rita", "research", "counsel")
    client = Client()
    rita.sign_in(client)
    dump = database_dump()
    for encoded in client.session["wm_team_keys"].values():
        assert encoded.lower() not in dump
    secret = rita.device.secret
    assert secret.hex() not in dump
    assert rita.password.lower() not in dump
    import base64

    assert base64.b32encode(secret).decode().lower() not in dump


def test_removing_a_member_removes_their_copy_of_the_key(make_staff):
    rita, nina = make_staff("rita", "research"), make_staff("nina", "research")
    member = Client()
    rita.sign_in(member)
    give(member, "research", nina)
    assert TeamKeyShare.objects.filter(user=nina.user).exists()
    call_command("remove_staff_role", "nina", "research", stdout=io.StringIO())
    assert not TeamKeyShare.objects.filter(user=nina.user).exists()
    assert TeamKeyShare.objects.filter(user=rita.user).exists()
    nina.sign_in(Client())
    assert not TeamKeyShare.objects.filter(user=nina.user).exists()


def test_a_password_set_anew_by_an_administrator_makes_a_new_own_key(make_staff):
    rita, nina = make_staff("rita", "research"), make_staff("nina", "research")
    member = Client()
    rita.sign_in(member)
    give(member, "research", nina)
    old_public = bytes(StaffKey.objects.get(user=nina.user).public_key)
    nina.user.set_password("another long password 2")
    nina.user.save()
    nina.password = "another long password 2"

    newcomer = Client()
    assert nina.sign_in(newcomer).status_code == 302
    assert bytes(StaffKey.objects.get(user=nina.user).public_key) != old_public
    assert not TeamKeyShare.objects.filter(user=nina.user).exists()
    assert "your own key was made anew too" in newcomer.get(TEAM).text
    assert give(member, "research", nina) == 302
    assert TeamKeyShare.objects.filter(user=nina.user).exists()
    nina.sign_in(newcomer)
    assert newcomer.session["wm_team_keys"] == member.session["wm_team_keys"]


def test_staff_made_in_the_admin_get_their_own_key_when_they_first_sign_in(
    make_staff, django_user_model
):
    rita = make_staff("rita", "research")
    StaffKey.objects.filter(user=rita.user).delete()
    TeamKey.objects.all().delete()
    client = Client()
    assert rita.sign_in(client).status_code == 302
    assert StaffKey.objects.filter(user=rita.user).exists()
    # Nobody held a research key, so the first member to sign in founds it.
    assert client.session["wm_team_keys"].keys() == {"research"}


def test_totp_secrets_kept_in_plain_hex_before_are_sealed_by_the_migration(
    django_user_model, database_dump
):
    from importlib import import_module

    from django.apps import apps
    from django.db import connection

    user = django_user_model.objects.create_user("old", is_staff=True)
    secret = bytes(range(20))
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE otp_totp_totpdevice (id integer primary key, user_id integer, "
            "name varchar(64), confirmed bool, key varchar(80), step integer, t0 bigint, "
            "digits integer, tolerance integer, drift integer, last_t bigint)"
        )
        cursor.execute(
            "INSERT INTO otp_totp_totpdevice VALUES (1, %s, 'phone', true, %s, 30, 0, 6, 1, 0, -1)",
            [user.pk, secret.hex()],
        )
    migration = import_module("waymark.staff.migrations.0002_carry_over_roles_and_devices")
    # The migration reads only the editor's connection; a schema editor cannot open inside
    # the test's transaction on SQLite.
    migration.carry_over(apps, SimpleNamespace(connection=connection))
    assert TOTPDevice.objects.get(user=user).secret == secret
    assert secret.hex() not in database_dump()
