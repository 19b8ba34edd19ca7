"""Partner organisations, their representatives, pledges, progress and self-assessments; the
provider of an offer entry; a report's voice section."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import partners.models


class Migration(migrations.Migration):
    dependencies = [
        ("history", "0016_children_in_care_council_matters"),
        ("panels", "0011_report_voice_section"),
        ("partners", "0005_offer_proposals"),
        ("pghistory", "0007_auto_20250421_0444"),
        ("voice", "0003_children_in_care_council_matters"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="offerentryevent",
            name="provider",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="A partner organisation that provides it. Its representatives get the review reminders too.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                related_query_name="+",
                to="partners.partnerorganisation",
                verbose_name="provided by",
            ),
        ),
        migrations.AddField(
            model_name="reportevent",
            name="voice_quarter",
            field=models.PositiveSmallIntegerField(
                blank=True,
                choices=[(1, "Q1"), (2, "Q2"), (3, "Q3"), (4, "Q4")],
                null=True,
                verbose_name="what young people told us: quarter",
            ),
        ),
        migrations.AddField(
            model_name="reportevent",
            name="voice_year",
            field=models.PositiveSmallIntegerField(
                blank=True,
                help_text="The year the political year starts, like 2025 for 2025/26.",
                null=True,
                verbose_name="what young people told us: political year",
            ),
        ),
        migrations.CreateModel(
            name="PartnerOrganisationEvent",
            fields=[
                ("pgh_id", models.AutoField(primary_key=True, serialize=False)),
                ("pgh_created_at", models.DateTimeField(auto_now_add=True)),
                ("pgh_label", models.TextField(help_text="The event label.")),
                ("id", models.BigIntegerField()),
                (
                    "created_at",
                    models.DateTimeField(default=django.utils.timezone.now, editable=False),
                ),
                ("name", models.CharField(max_length=150)),
                (
                    "slug",
                    models.SlugField(
                        db_index=False, help_text="Short name used in web addresses.", max_length=60
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("nhs", "NHS"),
                            ("police", "Police"),
                            ("education", "Education"),
                            ("employment", "Employment and benefits"),
                            ("housing", "Housing"),
                            ("voluntary", "Voluntary sector"),
                            ("business", "Business"),
                            ("other", "Other"),
                        ],
                        max_length=12,
                    ),
                ),
                (
                    "is_statutory",
                    models.BooleanField(
                        default=False,
                        help_text="A corporate parent in law (Children's Wellbeing and Schools Act 2026).",
                        verbose_name="statutory corporate parent",
                    ),
                ),
                ("about", models.TextField(blank=True)),
                ("website", models.URLField(blank=True, max_length=300)),
                ("contact_name", models.CharField(blank=True, max_length=150)),
                ("contact_email", models.EmailField(blank=True, max_length=254)),
                ("contact_phone", models.CharField(blank=True, max_length=40)),
                ("left_on", models.DateField(blank=True, null=True)),
                (
                    "board",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="Its late pledges are a standing item on this body's agendas, and the body's public page lists it.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to="panels.body",
                        verbose_name="the board it answers to",
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
                        to="partners.partnerorganisation",
                    ),
                ),
            ],
            options={
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="PledgeEvent",
            fields=[
                ("pgh_id", models.AutoField(primary_key=True, serialize=False)),
                ("pgh_created_at", models.DateTimeField(auto_now_add=True)),
                ("pgh_label", models.TextField(help_text="The event label.")),
                ("id", models.BigIntegerField()),
                (
                    "created_at",
                    models.DateTimeField(default=django.utils.timezone.now, editable=False),
                ),
                (
                    "year",
                    models.PositiveSmallIntegerField(help_text="The political year it starts in."),
                ),
                ("what", models.TextField(verbose_name="what we will do")),
                (
                    "for_whom",
                    models.CharField(
                        choices=[
                            ("children_in_care", "Children in care"),
                            ("care_leavers", "Care leavers"),
                            ("both", "Children in care and care leavers"),
                        ],
                        max_length=20,
                    ),
                ),
                ("age_from", models.PositiveSmallIntegerField(blank=True, null=True)),
                ("age_to", models.PositiveSmallIntegerField(blank=True, null=True)),
                ("how_shown", models.TextField(verbose_name="how progress will be shown")),
                ("due_on", models.DateField(verbose_name="done by")),
                ("made_at", models.DateTimeField(blank=True, null=True)),
                ("done_on", models.DateField(blank=True, null=True)),
                (
                    "made_by",
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
                    "organisation",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to="partners.partnerorganisation",
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
                        to="partners.pledge",
                    ),
                ),
                (
                    "principle",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to="voice.principle",
                    ),
                ),
            ],
            options={
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="ProgressUpdateEvent",
            fields=[
                ("pgh_id", models.AutoField(primary_key=True, serialize=False)),
                ("pgh_created_at", models.DateTimeField(auto_now_add=True)),
                ("pgh_label", models.TextField(help_text="The event label.")),
                ("id", models.BigIntegerField()),
                (
                    "created_at",
                    models.DateTimeField(default=django.utils.timezone.now, editable=False),
                ),
                ("reported_on", models.DateField()),
                ("summary", models.TextField(verbose_name="progress")),
                ("figure", models.CharField(blank=True, max_length=100)),
                ("link", models.URLField(blank=True, max_length=300)),
                (
                    "file",
                    models.FileField(blank=True, upload_to=partners.models.evidence_upload_to),
                ),
                ("file_name", models.CharField(blank=True, max_length=120)),
                ("at_risk", models.BooleanField(default=False)),
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
                        to="partners.progressupdate",
                    ),
                ),
                (
                    "pledge",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to="partners.pledge",
                    ),
                ),
                (
                    "reported_by",
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
            ],
            options={
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="RepresentativeEvent",
            fields=[
                ("pgh_id", models.AutoField(primary_key=True, serialize=False)),
                ("pgh_created_at", models.DateTimeField(auto_now_add=True)),
                ("pgh_label", models.TextField(help_text="The event label.")),
                ("id", models.BigIntegerField()),
                (
                    "created_at",
                    models.DateTimeField(default=django.utils.timezone.now, editable=False),
                ),
                ("job_title", models.CharField(blank=True, max_length=150)),
                (
                    "organisation",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to="partners.partnerorganisation",
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
                        to="partners.representative",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        db_constraint=False,
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
            name="SelfAssessmentEvent",
            fields=[
                ("pgh_id", models.AutoField(primary_key=True, serialize=False)),
                ("pgh_created_at", models.DateTimeField(auto_now_add=True)),
                ("pgh_label", models.TextField(help_text="The event label.")),
                ("id", models.BigIntegerField()),
                (
                    "created_at",
                    models.DateTimeField(default=django.utils.timezone.now, editable=False),
                ),
                (
                    "year",
                    models.PositiveSmallIntegerField(help_text="The political year it starts in."),
                ),
                (
                    "staying_alert",
                    models.TextField(
                        blank=True,
                        verbose_name="how we stay alert to what affects children in care and care leavers",
                    ),
                ),
                (
                    "services_assessed",
                    models.TextField(
                        blank=True,
                        verbose_name="which of our services we have assessed for them, and what we found",
                    ),
                ),
                (
                    "opportunities",
                    models.TextField(blank=True, verbose_name="the opportunities we offer them"),
                ),
                (
                    "helping_use",
                    models.TextField(blank=True, verbose_name="how we help them use our services"),
                ),
                ("evidence", models.TextField(blank=True, verbose_name="our evidence")),
                ("completed_at", models.DateTimeField(blank=True, null=True)),
                (
                    "completed_by",
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
                    "organisation",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to="partners.partnerorganisation",
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
                        to="partners.selfassessment",
                    ),
                ),
            ],
            options={
                "abstract": False,
            },
        ),
        # The newest-first index every event table has (0006, 0007), for the audit trail.
        *(
            migrations.RunSQL(
                sql=f'CREATE INDEX "{table}_newest" ON "{table}" (pgh_created_at, pgh_id)'
                " INCLUDE (pgh_label)",
                reverse_sql=f'DROP INDEX IF EXISTS "{table}_newest"',
            )
            for table in (
                "history_partnerorganisationevent",
                "history_representativeevent",
                "history_pledgeevent",
                "history_progressupdateevent",
                "history_selfassessmentevent",
            )
        ),
    ]
