"""The seven corporate parenting principles and a first list of themes (voice/vocabulary.py)."""

from django.db import migrations

from voice.vocabulary import ensure


def load(apps, schema_editor):
    ensure(apps.get_model("voice", "Principle"), apps.get_model("voice", "Theme"))


class Migration(migrations.Migration):
    dependencies = [("voice", "0001_principles_themes")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
