import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("offer", "0002_finding"),
        ("panels", "0004_search_papers"),
    ]

    operations = [
        migrations.CreateModel(
            name="Priority",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(default=django.utils.timezone.now, editable=False),
                ),
                ("updated_at", models.DateTimeField(auto_now=True)),
                ("name", models.CharField(max_length=120, unique=True)),
                (
                    "slug",
                    models.SlugField(
                        help_text="Short name used in web addresses.", max_length=60, unique=True
                    ),
                ),
                ("description", models.TextField(blank=True)),
                (
                    "position",
                    models.PositiveSmallIntegerField(default=0, help_text="Lower comes first."),
                ),
                ("retired_at", models.DateTimeField(blank=True, null=True)),
            ],
            options={"ordering": ("position", "name"), "verbose_name_plural": "priorities"},
        ),
        migrations.CreateModel(
            name="Objective",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(default=django.utils.timezone.now, editable=False),
                ),
                ("updated_at", models.DateTimeField(auto_now=True)),
                ("title", models.CharField(max_length=250)),
                ("description", models.TextField(blank=True)),
                (
                    "position",
                    models.PositiveSmallIntegerField(default=0, help_text="Lower comes first."),
                ),
                (
                    "actions",
                    models.ManyToManyField(
                        blank=True,
                        limit_choices_to={"is_action": True},
                        related_name="objectives",
                        to="panels.resolution",
                        verbose_name="panel actions",
                    ),
                ),
                (
                    "indicators",
                    models.ManyToManyField(
                        blank=True,
                        related_name="objectives",
                        to="offer.indicator",
                        verbose_name="KPIs",
                    ),
                ),
                (
                    "offer_entries",
                    models.ManyToManyField(
                        blank=True,
                        related_name="objectives",
                        to="offer.offerentry",
                        verbose_name="offer entries",
                    ),
                ),
                (
                    "priority",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="objectives",
                        to="strategy.priority",
                    ),
                ),
            ],
            options={"ordering": ("priority__position", "position", "title")},
        ),
    ]
