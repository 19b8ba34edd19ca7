"""Calendar feed secrets are kept as SHA-256 hashes. Existing addresses keep working: each stored
secret is replaced by its hash, and a feed request is matched by hashing the secret it carries."""

import hashlib

from django.db import migrations, models

import events.models


def hash_existing(apps, schema_editor):
    FeedToken = apps.get_model("events", "FeedToken")
    for feed in FeedToken.objects.all().only("pk", "token_hash"):
        feed.token_hash = hashlib.sha256(feed.token_hash.encode()).hexdigest()
        feed.save(update_fields=["token_hash"])


class Migration(migrations.Migration):
    dependencies = [("events", "0002_event_areas")]

    operations = [
        migrations.RenameField("feedtoken", "token", "token_hash"),
        migrations.RunPython(hash_existing, migrations.RunPython.noop, elidable=False),
        migrations.AlterField(
            model_name="feedtoken",
            name="token_hash",
            field=models.CharField(
                default=events.models._unusable_hash, max_length=64, unique=True
            ),
        ),
    ]
