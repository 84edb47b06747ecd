from django.db import migrations, models


def hold_stored_free_text_for_review(apps, schema_editor):
    """Responses stored before review existed: their free text waits for a reviewer too."""
    response_model = apps.get_model("surveys", "Response")
    with_text = [
        row.pk
        for row in response_model.objects.only("pk", "answers").iterator()
        if any(answer.get("text") or answer.get("other") for answer in row.answers.values())
    ]
    response_model.objects.filter(pk__in=with_text).update(text_review="pending")


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="response",
            name="text_review",
            field=models.CharField(
                choices=[
                    ("none", "No free text"),
                    ("pending", "Awaiting review"),
                    ("released", "Released for export"),
                    ("withheld", "Withheld from export"),
                ],
                db_index=True,
                default="none",
                editable=False,
                max_length=8,
            ),
        ),
        migrations.RunPython(hold_stored_free_text_for_review, migrations.RunPython.noop),
    ]
