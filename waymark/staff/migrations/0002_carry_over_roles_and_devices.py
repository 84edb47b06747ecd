"""Carries staff over from before the staff app: the research role, and TOTP secrets that
django-otp kept in plain hex, now sealed (waymark.staff.models.TOTPDevice). The old rows are
deleted once copied. Staff keep their passwords; their own key is made at their next sign-in.
"""

from django.db import migrations

from waymark.staff.models import sealed_totp_secret


def carry_over(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    User = apps.get_model("auth", "User")
    TOTPDevice = apps.get_model("staff", "TOTPDevice")

    old_role = Permission.objects.filter(
        codename="view_research", content_type__app_label="surveys"
    ).first()
    if old_role is not None:
        team_type, _ = ContentType.objects.get_or_create(app_label="staff", model="teamkey")
        role, _ = Permission.objects.get_or_create(
            codename="research_team",
            content_type=team_type,
            defaults={"name": "Researcher: research figures, free-text review and exports"},
        )
        for user in User.objects.filter(user_permissions=old_role):
            user.user_permissions.add(role)
        old_role.delete()

    connection = schema_editor.connection
    table = "otp_totp_totpdevice"
    if table not in connection.introspection.table_names():
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT user_id, name, confirmed, key, step, t0, digits, tolerance, drift, last_t "
            f"FROM {table}"  # noqa: S608 - a fixed table name
        )
        rows = cursor.fetchall()
        for user_id, name, confirmed, hex_key, step, t0, digits, tolerance, drift, last_t in rows:
            TOTPDevice.objects.create(
                user_id=user_id,
                name=name,
                confirmed=confirmed,
                sealed_secret=sealed_totp_secret(user_id, bytes.fromhex(hex_key)),
                step=step,
                t0=t0,
                digits=digits,
                tolerance=tolerance,
                drift=drift,
                last_t=last_t,
            )
        cursor.execute(f"DELETE FROM {table}")  # noqa: S608 - a fixed table name


class Migration(migrations.Migration):
    dependencies = [
        ("staff", "0001_initial"),
        ("surveys", "0002_response_text_review"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(carry_over, migrations.RunPython.noop)]
