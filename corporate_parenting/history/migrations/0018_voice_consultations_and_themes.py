"""The history of young people's voice: themes, consultations, findings and quotes (their
moderation), with the newest-first index every event table has (as in 0007), and the longer duty
names (the participation officer)."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

NEW_EVENT_TABLES = (
    "history_themeevent",
    "history_consultationevent",
    "history_findingevent",
    "history_quoteevent",
)


class Migration(migrations.Migration):
    dependencies = [
        ("history", "0017_partners_and_report_voice"),
        ("corporate_parenting", "0015_participation_officer_duty"),
        ("pghistory", "0007_auto_20250421_0444"),
        ("voice", "0004_consultations_findings_quotes"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name="dutyevent",
            name="kind",
            field=models.CharField(
                choices=[
                    ("link_officer", "Link officer"),
                    ("report_author", "Report author"),
                    ("report_sponsor", "Report sponsor"),
                    ("clerk", "Clerk to a body"),
                    ("kpi_owner", "KPI owner"),
                    ("offer_review_lead", "Offer review lead"),
                    ("participation_officer", "Participation officer"),
                ],
                max_length=30,
            ),
        ),
        migrations.CreateModel(
            name="ConsultationEvent",
            fields=[
                ("pgh_id", models.AutoField(primary_key=True, serialize=False)),
                ("pgh_created_at", models.DateTimeField(auto_now_add=True)),
                ("pgh_label", models.TextField(help_text="The event label.")),
                ("id", models.BigIntegerField()),
                (
                    "created_at",
                    models.DateTimeField(default=django.utils.timezone.now, editable=False),
                ),
                ("title", models.CharField(max_length=200)),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("event", "An event, such as Make A Noise"),
                            ("survey", "A survey"),
                            ("forum", "A forum session"),
                            ("other", "Something else"),
                        ],
                        max_length=10,
                    ),
                ),
                ("asked", models.TextField(verbose_name="what was asked")),
                ("held_from", models.DateField(verbose_name="held on or from")),
                ("held_to", models.DateField(blank=True, null=True, verbose_name="held until")),
                ("under_11", models.PositiveIntegerField(default=0)),
                ("aged_11_to_15", models.PositiveIntegerField(default=0)),
                ("aged_16_to_17", models.PositiveIntegerField(default=0)),
                ("aged_18_to_21", models.PositiveIntegerField(default=0)),
                ("aged_22_to_25", models.PositiveIntegerField(default=0)),
                ("age_not_known", models.PositiveIntegerField(default=0)),
                (
                    "is_demo",
                    models.BooleanField(default=False, help_text="invented for the demonstration"),
                ),
                (
                    "entered_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "pgh_context",
                    models.ForeignKey(
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="pghistory.context",
                    ),
                ),
                (
                    "pgh_obj",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="voice.consultation",
                    ),
                ),
                (
                    "run_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="The participation officer who ran it.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="FindingEvent",
            fields=[
                ("pgh_id", models.AutoField(primary_key=True, serialize=False)),
                ("pgh_created_at", models.DateTimeField(auto_now_add=True)),
                ("pgh_label", models.TextField(help_text="The event label.")),
                ("id", models.BigIntegerField()),
                (
                    "created_at",
                    models.DateTimeField(default=django.utils.timezone.now, editable=False),
                ),
                ("statement", models.TextField()),
                (
                    "we_did",
                    models.TextField(
                        blank=True,
                        help_text="What was done because of it, in words for young people.",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("pending", "Waiting for moderation"),
                            ("approved", "Approved: counted, for members and officers"),
                            ("shown", "Approved and shown on the public summary"),
                            ("rejected", "Rejected"),
                        ],
                        default="pending",
                        max_length=10,
                    ),
                ),
                ("moderated_at", models.DateTimeField(blank=True, null=True)),
                (
                    "consultation",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to="voice.consultation",
                    ),
                ),
                (
                    "entered_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "moderated_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "pgh_context",
                    models.ForeignKey(
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="pghistory.context",
                    ),
                ),
                (
                    "pgh_obj",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="voice.finding",
                    ),
                ),
            ],
            options={
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="QuoteEvent",
            fields=[
                ("pgh_id", models.AutoField(primary_key=True, serialize=False)),
                ("pgh_created_at", models.DateTimeField(auto_now_add=True)),
                ("pgh_label", models.TextField(help_text="The event label.")),
                ("id", models.BigIntegerField()),
                (
                    "created_at",
                    models.DateTimeField(default=django.utils.timezone.now, editable=False),
                ),
                ("text", models.TextField()),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("pending", "Waiting for moderation"),
                            ("approved", "Approved"),
                            ("rejected", "Rejected"),
                        ],
                        default="pending",
                        max_length=10,
                    ),
                ),
                ("moderated_at", models.DateTimeField(blank=True, null=True)),
                (
                    "entered_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "finding",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to="voice.finding",
                    ),
                ),
                (
                    "moderated_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "pgh_context",
                    models.ForeignKey(
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="pghistory.context",
                    ),
                ),
                (
                    "pgh_obj",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="voice.quote",
                    ),
                ),
            ],
            options={
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="ThemeEvent",
            fields=[
                ("pgh_id", models.AutoField(primary_key=True, serialize=False)),
                ("pgh_created_at", models.DateTimeField(auto_now_add=True)),
                ("pgh_label", models.TextField(help_text="The event label.")),
                ("id", models.BigIntegerField()),
                (
                    "created_at",
                    models.DateTimeField(default=django.utils.timezone.now, editable=False),
                ),
                ("name", models.CharField(max_length=80)),
                (
                    "slug",
                    models.SlugField(
                        db_index=False, help_text="Short name used in web addresses.", max_length=60
                    ),
                ),
                ("description", models.TextField(blank=True)),
                (
                    "position",
                    models.PositiveSmallIntegerField(default=0, help_text="Lower comes first."),
                ),
                ("retired_at", models.DateTimeField(blank=True, null=True)),
                (
                    "pgh_context",
                    models.ForeignKey(
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="pghistory.context",
                    ),
                ),
                (
                    "pgh_obj",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="voice.theme",
                    ),
                ),
            ],
            options={
                "abstract": False,
            },
        ),
        *(
            migrations.RunSQL(
                sql=f'CREATE INDEX "{table}_newest" ON "{table}" (pgh_created_at, pgh_id)'
                " INCLUDE (pgh_label)",
                reverse_sql=f'DROP INDEX IF EXISTS "{table}_newest"',
            )
            for table in NEW_EVENT_TABLES
        ),
    ]
