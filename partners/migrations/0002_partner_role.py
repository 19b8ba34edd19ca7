"""The partner representative role, as a group like the other roles."""

from django.db import migrations


def create_role(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name="partner")


def remove_role(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="partner").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0001_organisations"),
        ("corporate_parenting", "0002_roles"),
    ]

    operations = [migrations.RunPython(create_role, remove_role)]
