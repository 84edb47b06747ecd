from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('workspace', '0003_remove_unlock_window'),
    ]

    operations = [
        migrations.AddField(
            model_name='workspace',
            name='public_key',
            field=models.BinaryField(null=True),
        ),
        migrations.AddField(
            model_name='workspace',
            name='sealed_private_key',
            field=models.BinaryField(null=True),
        ),
    ]
