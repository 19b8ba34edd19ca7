"""History 0001 to 0008 in one, for a new install: each event table made once with its final
columns, then its newest-first index (as 0007 left it). An existing database, which has 0001 to
0008, takes this as applied. Made because migrating an empty database spent most of its time
re-rendering the models after each of the 43 steps these replace.

0002's RunPython is not carried over: it moved old event rows' priority codes to priorities,
and a new install has no event rows.
"""

import uuid
from decimal import Decimal

import django.contrib.postgres.search
import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import panels.models.meetings
import panels.reports.models

EVENT_TABLES = [
    "history_actionupdateevent",
    "history_agendaitemevent",
    "history_amendmentevent",
    "history_appointmentevent",
    "history_attendanceevent",
    "history_bodyevent",
    "history_championareaevent",
    "history_championsettingsevent",
    "history_decisionstatusevent",
    "history_declarationevent",
    "history_dutyevent",
    "history_engagementevent",
    "history_eventevent",
    "history_feedbackevent",
    "history_indicatorevent",
    "history_linkofficerevent",
    "history_measurementevent",
    "history_meetingevent",
    "history_membershipevent",
    "history_objectiveevent",
    "history_offerentryevent",
    "history_planitemevent",
    "history_priorityevent",
    "history_reportannexevent",
    "history_reportevent",
    "history_reportpeopleevent",
    "history_reportsectionevent",
    "history_resolutionevent",
    "history_sitesettingsevent",
]


class Migration(migrations.Migration):
    replaces = [
        ("history", "0001_governance_history"),
        ("history", "0002_strategy_priorities_indicator_owner"),
        ("history", "0003_appointment_ended_on"),
        ("history", "0004_event_requires_training"),
        ("history", "0005_governance_plans_strategy_duties"),
        ("history", "0006_event_tables_newest_first"),
        ("history", "0007_event_tables_newest_first_with_change"),
        ("history", "0008_duty_offer_review_lead"),
    ]

    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("champions", "0004_appointment_end_plan_target_report_people"),
        ("corporate_parenting", "0005_duties_and_invitations"),
        ("events", "0004_event_requires_training"),
        ("offer", "0003_indicator_strategy_priority_owner_retired"),
        ("panels", "0005_report_strategy_priorities"),
        ("pghistory", "0007_auto_20250421_0444"),
        ("strategy", "0001_priorities_objectives"),
    ]

    operations = [
        migrations.CreateModel(
            name="ActionUpdateEvent",
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
                            ("open", "Open"),
                            ("in_progress", "In progress"),
                            ("done", "Done"),
                            ("dropped", "Dropped"),
                        ],
                        max_length=12,
                    ),
                ),
                (
                    "author",
                    models.ForeignKey(
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
                        to="panels.actionupdate",
                    ),
                ),
                (
                    "resolution",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to="panels.resolution",
                    ),
                ),
            ],
            options={
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="AgendaItemEvent",
            fields=[
                ("pgh_id", models.AutoField(primary_key=True, serialize=False)),
                ("pgh_created_at", models.DateTimeField(auto_now_add=True)),
                ("pgh_label", models.TextField(help_text="The event label.")),
                ("id", models.BigIntegerField()),
                (
                    "created_at",
                    models.DateTimeField(default=django.utils.timezone.now, editable=False),
                ),
                ("position", models.PositiveSmallIntegerField()),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("declarations", "Apologies and declarations of interest"),
                            ("minutes", "Minutes of the last meeting"),
                            ("action_log", "Action log"),
                            ("business", "Item of business"),
                            ("next_meeting", "Date of next meeting"),
                        ],
                        default="business",
                        max_length=20,
                    ),
                ),
                ("title", models.CharField(max_length=250)),
                ("presenter", models.CharField(blank=True, max_length=200)),
                ("is_urgent", models.BooleanField(default=False)),
                (
                    "is_exempt",
                    models.BooleanField(
                        default=False,
                        help_text="Exempt business under Schedule 12A: its report and minutes are never public.",
                        verbose_name="taken in private",
                    ),
                ),
                (
                    "exempt_paragraph",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("1", "Paragraph 1: information relating to any individual"),
                            (
                                "2",
                                "Paragraph 2: information likely to reveal the identity of an individual",
                            ),
                            (
                                "3",
                                "Paragraph 3: the financial or business affairs of any particular person",
                            ),
                            (
                                "4",
                                "Paragraph 4: consultations or negotiations on a labour relations matter",
                            ),
                            (
                                "5",
                                "Paragraph 5: information subject to legal professional privilege",
                            ),
                            (
                                "6",
                                "Paragraph 6: a proposed notice, order or direction under an enactment",
                            ),
                            (
                                "7",
                                "Paragraph 7: the prevention, investigation or prosecution of crime",
                            ),
                        ],
                        max_length=2,
                        verbose_name="paragraph of Schedule 12A",
                    ),
                ),
                (
                    "report_file",
                    models.FileField(
                        blank=True,
                        upload_to=panels.models.meetings.report_upload_to,
                        validators=[
                            django.core.validators.FileExtensionValidator(
                                ["pdf", "docx", "doc", "odt", "xlsx", "pptx"]
                            )
                        ],
                        verbose_name="report file",
                    ),
                ),
                ("minute_sequence", models.PositiveIntegerField(blank=True, null=True)),
                ("discussion", models.TextField(blank=True)),
                (
                    "meeting",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to="panels.meeting",
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
                        to="panels.agendaitem",
                    ),
                ),
            ],
            options={
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="AmendmentEvent",
            fields=[
                ("pgh_id", models.AutoField(primary_key=True, serialize=False)),
                ("pgh_created_at", models.DateTimeField(auto_now_add=True)),
                ("pgh_label", models.TextField(help_text="The event label.")),
                ("id", models.BigIntegerField()),
                (
                    "created_at",
                    models.DateTimeField(default=django.utils.timezone.now, editable=False),
                ),
                ("previous_text", models.TextField()),
                ("new_text", models.TextField()),
                ("reason", models.TextField()),
                (
                    "item",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to="panels.agendaitem",
                    ),
                ),
                (
                    "made_by",
                    models.ForeignKey(
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
                        to="panels.amendment",
                    ),
                ),
            ],
            options={
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="AppointmentEvent",
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
                    "start_year",
                    models.PositiveSmallIntegerField(
                        help_text="The calendar year the political year starts in (2025 for 2025/26)."
                    ),
                ),
                (
                    "end_reason",
                    models.CharField(blank=True, max_length=300, verbose_name="Why it ended"),
                ),
                ("ended_on", models.DateField(blank=True, null=True, verbose_name="Ended on")),
                (
                    "area",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to="champions.championarea",
                    ),
                ),
                (
                    "member",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to="champions.member",
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
                        to="champions.appointment",
                    ),
                ),
            ],
            options={
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="AttendanceEvent",
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
                    "kind",
                    models.CharField(
                        choices=[
                            ("present", "Present"),
                            ("apologies", "Apologies"),
                            ("absent", "Absent"),
                            ("substitute", "Substitute"),
                            ("officer", "Officer in attendance"),
                            ("also_present", "Also present"),
                        ],
                        max_length=20,
                    ),
                ),
                ("name", models.CharField(help_text="As printed in the minutes.", max_length=150)),
                (
                    "role",
                    models.CharField(blank=True, help_text="Role or job title.", max_length=150),
                ),
                ("position", models.PositiveSmallIntegerField(default=0)),
                (
                    "meeting",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to="panels.meeting",
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
                        to="panels.attendance",
                    ),
                ),
                (
                    "user",
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
            name="BodyEvent",
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
                ("slug", models.SlugField(db_index=False, max_length=60)),
                ("description", models.TextField(blank=True)),
                (
                    "numbering_style",
                    models.CharField(
                        choices=[
                            ("prefix", "A prefix and a number, like CPP20"),
                            (
                                "paragraphs",
                                "Plain numbers with numbered paragraphs, like 17.1 and 17.2",
                            ),
                        ],
                        default="prefix",
                        max_length=12,
                    ),
                ),
                (
                    "minute_prefix",
                    models.CharField(
                        blank=True,
                        help_text="Letters before each minute number, like CPP. Only for the prefix style.",
                        max_length=10,
                    ),
                ),
                (
                    "is_public",
                    models.BooleanField(
                        default=False,
                        help_text="Published agendas and approved minutes can be read by anyone.",
                    ),
                ),
                (
                    "report_deadline_days",
                    models.PositiveSmallIntegerField(
                        default=15,
                        help_text="How many days before a meeting its reports are due with the clerk.",
                    ),
                ),
                (
                    "first_minute_number",
                    models.PositiveIntegerField(
                        default=1,
                        help_text="The first minute number of the year given below, for a body that moves to the portal part way through a municipal year.",
                    ),
                ),
                (
                    "first_minute_year",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        help_text="The year the municipal year to which the first minute number applies starts in, like 2025 for 2025 to 2026.",
                        null=True,
                    ),
                ),
                (
                    "clerk",
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
                        to="panels.body",
                    ),
                ),
            ],
            options={
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="ChampionAreaEvent",
            fields=[
                ("pgh_id", models.AutoField(primary_key=True, serialize=False)),
                ("pgh_created_at", models.DateTimeField(auto_now_add=True)),
                ("pgh_label", models.TextField(help_text="The event label.")),
                ("id", models.BigIntegerField()),
                (
                    "created_at",
                    models.DateTimeField(default=django.utils.timezone.now, editable=False),
                ),
                ("name", models.CharField(max_length=120)),
                ("slug", models.SlugField(db_index=False, max_length=120)),
                ("description", models.TextField(blank=True)),
                (
                    "current_issues",
                    models.TextField(
                        blank=True, help_text="What champions are asked to work on this year."
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
                        to="champions.championarea",
                    ),
                ),
            ],
            options={
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="ChampionSettingsEvent",
            fields=[
                ("pgh_id", models.AutoField(primary_key=True, serialize=False)),
                ("pgh_created_at", models.DateTimeField(auto_now_add=True)),
                ("pgh_label", models.TextField(help_text="The event label.")),
                ("id", models.BigIntegerField()),
                (
                    "engagement_target",
                    models.PositiveSmallIntegerField(
                        default=3,
                        help_text="Engagements each champion is asked for in a political year.",
                    ),
                ),
                (
                    "dbs_valid_years",
                    models.PositiveSmallIntegerField(
                        default=3,
                        help_text="How many years after clearance a DBS check is treated as expired.",
                        verbose_name="DBS valid for (years)",
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
                        to="champions.championsettings",
                    ),
                ),
            ],
            options={
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="DecisionStatusEvent",
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
                ("position", models.PositiveSmallIntegerField(default=0)),
                ("is_active", models.BooleanField(default=True, verbose_name="in use")),
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
                        to="panels.decisionstatus",
                    ),
                ),
            ],
            options={
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="DeclarationEvent",
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
                    "kind",
                    models.CharField(
                        choices=[
                            ("pecuniary", "Disclosable pecuniary interest"),
                            ("registerable", "Other registerable interest"),
                            ("non_registerable", "Non-registerable interest"),
                        ],
                        max_length=20,
                    ),
                ),
                ("text", models.TextField()),
                (
                    "item",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="Leave empty for a general declaration.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to="panels.agendaitem",
                    ),
                ),
                (
                    "meeting",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to="panels.meeting",
                    ),
                ),
                (
                    "member",
                    models.ForeignKey(
                        db_constraint=False,
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
                        to="panels.declaration",
                    ),
                ),
                (
                    "recorded_by",
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
            name="DutyEvent",
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
                    "kind",
                    models.CharField(
                        choices=[
                            ("link_officer", "Link officer"),
                            ("report_author", "Report author"),
                            ("report_sponsor", "Report sponsor"),
                            ("clerk", "Clerk to a body"),
                            ("kpi_owner", "KPI owner"),
                            ("offer_review_lead", "Offer review lead"),
                        ],
                        max_length=20,
                    ),
                ),
                (
                    "job_title",
                    models.CharField(
                        blank=True,
                        help_text="As it is printed with this duty, e.g. Director of Children's Services.",
                        max_length=150,
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
                        to="corporate_parenting.duty",
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
            name="EngagementEvent",
            fields=[
                ("pgh_id", models.AutoField(primary_key=True, serialize=False)),
                ("pgh_created_at", models.DateTimeField(auto_now_add=True)),
                ("pgh_label", models.TextField(help_text="The event label.")),
                ("id", models.BigIntegerField()),
                (
                    "created_at",
                    models.DateTimeField(default=django.utils.timezone.now, editable=False),
                ),
                ("date", models.DateField()),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("event", "Event attended"),
                            ("visit", "Visit"),
                            ("group", "Group or club"),
                            ("one_to_one", "1:1 with link officer"),
                            ("meeting", "Meeting"),
                            ("training", "Training"),
                            ("round_table", "Round table"),
                        ],
                        max_length=20,
                    ),
                ),
                ("event_title", models.CharField(blank=True, max_length=200, verbose_name="Event")),
                ("what_we_did", models.TextField(blank=True, verbose_name="What you did")),
                (
                    "young_people_said",
                    models.TextField(
                        blank=True, verbose_name="What children and young people said"
                    ),
                ),
                (
                    "follow_up_requested",
                    models.TextField(blank=True, verbose_name="Follow-up asked for"),
                ),
                (
                    "young_people_count",
                    models.PositiveIntegerField(default=0, verbose_name="Number of young people"),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[("draft", "Draft"), ("submitted", "Submitted")],
                        default="draft",
                        max_length=10,
                    ),
                ),
                (
                    "follow_up_status",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("", "No follow-up asked for"),
                            ("open", "Open"),
                            ("in_progress", "In progress"),
                            ("done", "Done"),
                        ],
                        default="",
                        max_length=12,
                    ),
                ),
                ("follow_up_response", models.TextField(blank=True, verbose_name="Response")),
                ("responded_at", models.DateTimeField(blank=True, null=True)),
                (
                    "show_in_you_said_we_did",
                    models.BooleanField(
                        default=False,
                        help_text='Only a done follow-up can be shown on the public "You said, we did" page.',
                        verbose_name='Show in "You said, we did"',
                    ),
                ),
                (
                    "area",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to="champions.championarea",
                    ),
                ),
                (
                    "event",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to="events.event",
                    ),
                ),
                (
                    "member",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to="champions.member",
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
                        to="champions.engagement",
                    ),
                ),
                (
                    "responded_by",
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
            name="EventEvent",
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
                    "category",
                    models.CharField(
                        choices=[
                            ("awareness", "Awareness week or day"),
                            ("celebration", "Celebration"),
                            ("engagement", "Engagement activity with young people"),
                            ("round_table", "Round table"),
                            ("training", "Training"),
                            ("meeting", "Meeting"),
                        ],
                        max_length=20,
                    ),
                ),
                ("start_date", models.DateField()),
                (
                    "end_date",
                    models.DateField(
                        help_text="The last day. The same as the first day for one day."
                    ),
                ),
                (
                    "start_time",
                    models.TimeField(
                        blank=True,
                        help_text="Leave the times empty for an all-day event.",
                        null=True,
                    ),
                ),
                ("end_time", models.TimeField(blank=True, null=True)),
                ("location", models.CharField(blank=True, max_length=200)),
                ("online_link", models.URLField(blank=True, max_length=500)),
                ("description", models.TextField(blank=True)),
                (
                    "audience",
                    models.CharField(
                        choices=[
                            ("champions", "Champions"),
                            ("all_members", "All members"),
                            ("officers", "Officers"),
                            ("young_people", "Young people"),
                        ],
                        default="all_members",
                        max_length=20,
                    ),
                ),
                (
                    "is_public",
                    models.BooleanField(
                        default=False,
                        help_text="Shown to young people and the public without signing in.",
                        verbose_name="public event",
                    ),
                ),
                (
                    "involves_children",
                    models.BooleanField(
                        default=False,
                        help_text="Members need a cleared DBS check to sign up.",
                        verbose_name="involves direct contact with children",
                    ),
                ),
                (
                    "capacity",
                    models.PositiveIntegerField(
                        blank=True,
                        help_text="Places for members. Leave empty for no limit.",
                        null=True,
                    ),
                ),
                ("organiser", models.CharField(blank=True, max_length=200)),
                (
                    "is_annual",
                    models.BooleanField(default=False, verbose_name="happens every year"),
                ),
                (
                    "annual_rule",
                    models.CharField(
                        choices=[
                            ("same_dates", "Same dates every year"),
                            (
                                "same_weekday",
                                "Same weekday and week of the month (e.g. the second Tuesday)",
                            ),
                            ("first_full_week", "First full week (Monday to Sunday) of the month"),
                            ("last_full_week", "Last full week (Monday to Sunday) of the month"),
                        ],
                        default="same_dates",
                        max_length=20,
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[("scheduled", "Scheduled"), ("cancelled", "Cancelled")],
                        default="scheduled",
                        max_length=12,
                    ),
                ),
                ("uid", models.UUIDField(default=uuid.uuid4, editable=False)),
                ("sequence", models.PositiveIntegerField(default=0, editable=False)),
                (
                    "requires_training",
                    models.BooleanField(
                        default=False,
                        help_text="Members need to have completed champion training to sign up.",
                        verbose_name="needs champion training",
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
                        to="events.event",
                    ),
                ),
                (
                    "rolled_from",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="Last year's event this one was rolled forward from.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to="events.event",
                    ),
                ),
            ],
            options={
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="FeedbackEvent",
            fields=[
                ("pgh_id", models.AutoField(primary_key=True, serialize=False)),
                ("pgh_created_at", models.DateTimeField(auto_now_add=True)),
                ("pgh_label", models.TextField(help_text="The event label.")),
                ("id", models.BigIntegerField()),
                (
                    "page",
                    models.CharField(
                        blank=True, help_text="The page it was left on.", max_length=200
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("useful", "Useful"),
                            ("not_useful", "Not useful"),
                            ("missing", "Something missing"),
                        ],
                        max_length=12,
                    ),
                ),
                ("text", models.TextField(blank=True)),
                ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("new", "Waiting for moderation"),
                            ("hidden", "Not shown"),
                            ("published", "Shown on You said, we did"),
                        ],
                        default="new",
                        max_length=10,
                    ),
                ),
                (
                    "you_said",
                    models.TextField(
                        blank=True,
                        help_text="What young people told us, in your words, with nothing identifying.",
                    ),
                ),
                (
                    "we_did",
                    models.TextField(blank=True, help_text="What we changed because of it."),
                ),
                ("moderated_at", models.DateTimeField(blank=True, null=True)),
                (
                    "entry",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to="offer.offerentry",
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
                        to="offer.feedback",
                    ),
                ),
            ],
            options={
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="IndicatorEvent",
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
                    "code",
                    models.SlugField(
                        db_index=False, help_text="Short code used in imports.", max_length=30
                    ),
                ),
                ("name", models.CharField(max_length=200)),
                ("definition", models.TextField(blank=True)),
                (
                    "unit",
                    models.CharField(
                        choices=[
                            ("percent", "Percent"),
                            ("rate", "Rate per 10,000"),
                            ("count", "Count"),
                            ("days", "Days"),
                        ],
                        max_length=10,
                    ),
                ),
                (
                    "polarity",
                    models.CharField(
                        choices=[
                            ("higher", "Higher is better"),
                            ("lower", "Lower is better"),
                            ("context", "Context only (no RAG)"),
                        ],
                        max_length=10,
                    ),
                ),
                (
                    "target",
                    models.DecimalField(blank=True, decimal_places=2, max_digits=12, null=True),
                ),
                (
                    "tolerance",
                    models.DecimalField(
                        decimal_places=2,
                        default=Decimal("0"),
                        help_text="How far from the target still counts as amber.",
                        max_digits=12,
                    ),
                ),
                ("source", models.CharField(blank=True, max_length=200)),
                ("retired_at", models.DateTimeField(blank=True, null=True)),
                (
                    "owner",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="KPI owner",
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
                        to="offer.indicator",
                    ),
                ),
                (
                    "priority",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to="strategy.priority",
                        verbose_name="strategic priority",
                    ),
                ),
            ],
            options={
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="LinkOfficerEvent",
            fields=[
                ("pgh_id", models.AutoField(primary_key=True, serialize=False)),
                ("pgh_created_at", models.DateTimeField(auto_now_add=True)),
                ("pgh_label", models.TextField(help_text="The event label.")),
                ("id", models.BigIntegerField()),
                (
                    "created_at",
                    models.DateTimeField(default=django.utils.timezone.now, editable=False),
                ),
                ("job_title", models.CharField(max_length=150)),
                ("team", models.CharField(blank=True, max_length=150)),
                (
                    "contact",
                    models.CharField(
                        blank=True,
                        help_text="Phone number or e-mail address champions can use.",
                        max_length=150,
                    ),
                ),
                (
                    "area",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to="champions.championarea",
                    ),
                ),
                (
                    "officer",
                    models.ForeignKey(
                        db_constraint=False,
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
                        to="champions.linkofficer",
                    ),
                ),
            ],
            options={
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="MeasurementEvent",
            fields=[
                ("pgh_id", models.AutoField(primary_key=True, serialize=False)),
                ("pgh_created_at", models.DateTimeField(auto_now_add=True)),
                ("pgh_label", models.TextField(help_text="The event label.")),
                ("id", models.BigIntegerField()),
                (
                    "created_at",
                    models.DateTimeField(default=django.utils.timezone.now, editable=False),
                ),
                ("period", models.CharField(help_text="2024, 2024-Q1 or 2024-03", max_length=10)),
                (
                    "period_kind",
                    models.CharField(
                        choices=[("month", "Month"), ("quarter", "Quarter"), ("year", "Year")],
                        max_length=10,
                    ),
                ),
                ("period_start", models.DateField()),
                ("value", models.DecimalField(decimal_places=2, max_digits=12)),
                (
                    "england",
                    models.DecimalField(blank=True, decimal_places=2, max_digits=12, null=True),
                ),
                (
                    "statistical_neighbours",
                    models.DecimalField(blank=True, decimal_places=2, max_digits=12, null=True),
                ),
                (
                    "region",
                    models.DecimalField(blank=True, decimal_places=2, max_digits=12, null=True),
                ),
                ("note", models.CharField(blank=True, max_length=300)),
                (
                    "is_demo",
                    models.BooleanField(
                        default=False, help_text="invented figures for the demonstration"
                    ),
                ),
                (
                    "indicator",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to="offer.indicator",
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
                        to="offer.measurement",
                    ),
                ),
            ],
            options={
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="MeetingEvent",
            fields=[
                ("pgh_id", models.AutoField(primary_key=True, serialize=False)),
                ("pgh_created_at", models.DateTimeField(auto_now_add=True)),
                ("pgh_label", models.TextField(help_text="The event label.")),
                ("id", models.BigIntegerField()),
                (
                    "created_at",
                    models.DateTimeField(default=django.utils.timezone.now, editable=False),
                ),
                ("date", models.DateField()),
                ("start_time", models.TimeField()),
                ("venue", models.CharField(blank=True, max_length=200)),
                (
                    "online_link",
                    models.URLField(
                        blank=True, help_text="A link to join online, if there is one."
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("scheduled", "Scheduled"),
                            ("agenda_published", "Agenda published"),
                            ("held", "Held"),
                            ("minutes_draft", "Minutes in draft"),
                            ("minutes_approved", "Minutes approved"),
                        ],
                        default="scheduled",
                        max_length=20,
                    ),
                ),
                ("closing_time", models.TimeField(blank=True, null=True)),
                ("next_meeting_date", models.DateField(blank=True, null=True)),
                ("next_meeting_time", models.TimeField(blank=True, null=True)),
                (
                    "young_people_present",
                    models.PositiveSmallIntegerField(
                        default=0, help_text="A count only: never names."
                    ),
                ),
                ("agenda_published_at", models.DateTimeField(blank=True, null=True)),
                ("short_notice_reason", models.TextField(blank=True)),
                ("minutes_approved_at", models.DateTimeField(blank=True, null=True)),
                (
                    "agenda_published_by",
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
                    "approved_at_meeting",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to="panels.meeting",
                    ),
                ),
                (
                    "body",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to="panels.body",
                    ),
                ),
                (
                    "minutes_approved_by",
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
                        to="panels.meeting",
                    ),
                ),
            ],
            options={
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="MembershipEvent",
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
                    "role",
                    models.CharField(
                        choices=[
                            ("chair", "Chair"),
                            ("vice_chair", "Vice-Chair"),
                            ("member", "Member"),
                            ("co_opted", "Co-opted member"),
                            ("young_people", "Young people's representative"),
                        ],
                        default="member",
                        max_length=20,
                    ),
                ),
                (
                    "body",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to="panels.body",
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
                        to="panels.membership",
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
            name="ObjectiveEvent",
            fields=[
                ("pgh_id", models.AutoField(primary_key=True, serialize=False)),
                ("pgh_created_at", models.DateTimeField(auto_now_add=True)),
                ("pgh_label", models.TextField(help_text="The event label.")),
                ("id", models.BigIntegerField()),
                (
                    "created_at",
                    models.DateTimeField(default=django.utils.timezone.now, editable=False),
                ),
                ("title", models.CharField(max_length=250)),
                ("description", models.TextField(blank=True)),
                (
                    "position",
                    models.PositiveSmallIntegerField(default=0, help_text="Lower comes first."),
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
                        to="strategy.objective",
                    ),
                ),
                (
                    "priority",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to="strategy.priority",
                    ),
                ),
            ],
            options={
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="OfferEntryEvent",
            fields=[
                ("pgh_id", models.AutoField(primary_key=True, serialize=False)),
                ("pgh_created_at", models.DateTimeField(auto_now_add=True)),
                ("pgh_label", models.TextField(help_text="The event label.")),
                ("id", models.BigIntegerField()),
                (
                    "created_at",
                    models.DateTimeField(default=django.utils.timezone.now, editable=False),
                ),
                ("slug", models.SlugField(db_index=False, max_length=120)),
                (
                    "title",
                    models.CharField(
                        help_text="Plain English, e.g. 'Help with Council Tax'.", max_length=120
                    ),
                ),
                (
                    "summary",
                    models.CharField(
                        help_text="One or two sentences written to 'you'.", max_length=300
                    ),
                ),
                (
                    "details",
                    models.TextField(
                        blank=True, help_text="What you get, and anything you need to know."
                    ),
                ),
                ("age_from", models.PositiveSmallIntegerField(default=16, verbose_name="from age")),
                ("age_to", models.PositiveSmallIntegerField(default=25, verbose_name="to age")),
                ("for_eligible", models.BooleanField(default=True, verbose_name="eligible")),
                ("for_relevant", models.BooleanField(default=True, verbose_name="relevant")),
                (
                    "for_former_relevant",
                    models.BooleanField(default=True, verbose_name="former relevant"),
                ),
                ("for_qualifying", models.BooleanField(default=False, verbose_name="qualifying")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("statutory", "Your right: the law says we must give you this"),
                            ("extra", "Something extra we choose to give you"),
                        ],
                        default="statutory",
                        max_length=10,
                    ),
                ),
                (
                    "how_to_get",
                    models.TextField(
                        blank=True,
                        help_text="For example: ask your personal adviser.",
                        verbose_name="how to get it",
                    ),
                ),
                (
                    "contact_phone",
                    models.CharField(blank=True, max_length=30, verbose_name="phone"),
                ),
                ("link_url", models.URLField(blank=True, verbose_name="web link")),
                ("place", models.CharField(blank=True, max_length=200)),
                ("review_by", models.DateField(verbose_name="review by")),
                (
                    "status",
                    models.CharField(
                        choices=[("draft", "Draft"), ("published", "Published")],
                        default="draft",
                        max_length=10,
                    ),
                ),
                (
                    "search_vector",
                    django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
                ),
                (
                    "category",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to="offer.offercategory",
                    ),
                ),
                (
                    "owner",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="The officer who keeps this entry up to date.",
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
                        to="offer.offerentry",
                    ),
                ),
            ],
            options={
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="PlanItemEvent",
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
                    "start_year",
                    models.PositiveSmallIntegerField(
                        help_text="The calendar year the political year starts in (2025 for 2025/26)."
                    ),
                ),
                ("intention", models.TextField(verbose_name="What you intend to do")),
                ("due_by", models.DateField(verbose_name="Do it by")),
                (
                    "area",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to="champions.championarea",
                    ),
                ),
                (
                    "done_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to="champions.engagement",
                        verbose_name="Done by the engagement",
                    ),
                ),
                (
                    "member",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to="champions.member",
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
                        to="champions.planitem",
                    ),
                ),
            ],
            options={
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="PriorityEvent",
            fields=[
                ("pgh_id", models.AutoField(primary_key=True, serialize=False)),
                ("pgh_created_at", models.DateTimeField(auto_now_add=True)),
                ("pgh_label", models.TextField(help_text="The event label.")),
                ("id", models.BigIntegerField()),
                (
                    "created_at",
                    models.DateTimeField(default=django.utils.timezone.now, editable=False),
                ),
                ("name", models.CharField(max_length=120)),
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
                        to="strategy.priority",
                    ),
                ),
            ],
            options={
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="ReportAnnexEvent",
            fields=[
                ("pgh_id", models.AutoField(primary_key=True, serialize=False)),
                ("pgh_created_at", models.DateTimeField(auto_now_add=True)),
                ("pgh_label", models.TextField(help_text="The event label.")),
                ("id", models.BigIntegerField()),
                (
                    "created_at",
                    models.DateTimeField(default=django.utils.timezone.now, editable=False),
                ),
                ("position", models.PositiveSmallIntegerField()),
                ("title", models.CharField(max_length=200)),
                ("file", models.FileField(upload_to=panels.reports.models.annex_upload_to)),
                ("page_count", models.PositiveIntegerField(default=0, editable=False)),
                ("size", models.PositiveIntegerField(default=0, editable=False)),
                ("sha256", models.CharField(blank=True, editable=False, max_length=64)),
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
                        to="panels.reportannex",
                    ),
                ),
                (
                    "report",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to="panels.report",
                    ),
                ),
            ],
            options={
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="ReportEvent",
            fields=[
                ("pgh_id", models.AutoField(primary_key=True, serialize=False)),
                ("pgh_created_at", models.DateTimeField(auto_now_add=True)),
                ("pgh_label", models.TextField(help_text="The event label.")),
                ("id", models.BigIntegerField()),
                (
                    "created_at",
                    models.DateTimeField(default=django.utils.timezone.now, editable=False),
                ),
                ("title", models.CharField(max_length=250)),
                (
                    "sponsor_title",
                    models.CharField(
                        blank=True,
                        help_text="As printed on the report, like Director of Children's Services.",
                        max_length=150,
                        verbose_name="sponsor's job title",
                    ),
                ),
                (
                    "author_contact",
                    models.CharField(
                        blank=True,
                        help_text="An e-mail or phone.",
                        max_length=200,
                        verbose_name="author's contact details",
                    ),
                ),
                ("purpose", models.TextField(blank=True)),
                ("summary", models.TextField(blank=True, verbose_name="executive summary")),
                (
                    "recommendations",
                    models.TextField(
                        blank=True,
                        help_text="One recommendation a line; they are numbered for you.",
                    ),
                ),
                ("financial_implications", models.TextField(blank=True)),
                ("legal_implications", models.TextField(blank=True)),
                ("equalities_implications", models.TextField(blank=True)),
                (
                    "risk_implications",
                    models.TextField(blank=True, verbose_name="risk management implications"),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Draft"),
                            ("submitted", "Submitted to the sponsor"),
                            ("returned", "Returned to the author"),
                            ("approved", "Approved by the sponsor"),
                            ("published", "Published"),
                        ],
                        default="draft",
                        max_length=12,
                    ),
                ),
                ("version", models.PositiveIntegerField(default=1)),
                ("submitted_at", models.DateTimeField(blank=True, null=True)),
                ("approved_at", models.DateTimeField(blank=True, null=True)),
                ("published_at", models.DateTimeField(blank=True, null=True)),
                (
                    "author",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "item",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to="panels.agendaitem",
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
                        to="panels.report",
                    ),
                ),
                (
                    "published_by",
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
                    "sponsor",
                    models.ForeignKey(
                        db_constraint=False,
                        help_text="Usually a director, who approves the report before it is published.",
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
            name="ReportPeopleEvent",
            fields=[
                ("pgh_id", models.AutoField(primary_key=True, serialize=False)),
                ("pgh_created_at", models.DateTimeField(auto_now_add=True)),
                ("pgh_label", models.TextField(help_text="The event label.")),
                ("id", models.BigIntegerField()),
                (
                    "created_at",
                    models.DateTimeField(default=django.utils.timezone.now, editable=False),
                ),
                ("start_year", models.PositiveSmallIntegerField()),
                (
                    "author",
                    models.ForeignKey(
                        db_constraint=False,
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
                        to="champions.reportpeople",
                    ),
                ),
                (
                    "sponsor",
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
            name="ReportSectionEvent",
            fields=[
                ("pgh_id", models.AutoField(primary_key=True, serialize=False)),
                ("pgh_created_at", models.DateTimeField(auto_now_add=True)),
                ("pgh_label", models.TextField(help_text="The event label.")),
                ("id", models.BigIntegerField()),
                (
                    "created_at",
                    models.DateTimeField(default=django.utils.timezone.now, editable=False),
                ),
                ("position", models.PositiveSmallIntegerField()),
                ("heading", models.CharField(max_length=200)),
                (
                    "body",
                    models.TextField(blank=True, help_text="As written, in the report markup."),
                ),
                ("body_html", models.TextField(blank=True, editable=False)),
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
                        to="panels.reportsection",
                    ),
                ),
                (
                    "report",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to="panels.report",
                    ),
                ),
            ],
            options={
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="ResolutionEvent",
            fields=[
                ("pgh_id", models.AutoField(primary_key=True, serialize=False)),
                ("pgh_created_at", models.DateTimeField(auto_now_add=True)),
                ("pgh_label", models.TextField(help_text="The event label.")),
                ("id", models.BigIntegerField()),
                (
                    "created_at",
                    models.DateTimeField(default=django.utils.timezone.now, editable=False),
                ),
                ("position", models.PositiveSmallIntegerField()),
                ("text", models.TextField()),
                ("is_action", models.BooleanField(default=False)),
                (
                    "owner_is_members",
                    models.BooleanField(
                        default=False, help_text="The members of the body own this action together."
                    ),
                ),
                ("due_date", models.DateField(blank=True, null=True)),
                ("due_next_meeting", models.BooleanField(default=False)),
                (
                    "status",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("open", "Open"),
                            ("in_progress", "In progress"),
                            ("done", "Done"),
                            ("dropped", "Dropped"),
                        ],
                        max_length=12,
                    ),
                ),
                ("completed_at", models.DateTimeField(blank=True, null=True)),
                (
                    "is_key_decision",
                    models.BooleanField(default=False, verbose_name="key decision"),
                ),
                ("subject_to_call_in", models.BooleanField(default=False)),
                (
                    "call_in_deadline",
                    models.DateField(blank=True, null=True, verbose_name="call-in deadline"),
                ),
                (
                    "decision_status",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to="panels.decisionstatus",
                    ),
                ),
                (
                    "item",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to="panels.agendaitem",
                    ),
                ),
                (
                    "owner",
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
                        to="panels.resolution",
                    ),
                ),
            ],
            options={
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="SiteSettingsEvent",
            fields=[
                ("pgh_id", models.AutoField(primary_key=True, serialize=False)),
                ("pgh_created_at", models.DateTimeField(auto_now_add=True)),
                ("pgh_label", models.TextField(help_text="The event label.")),
                ("id", models.BigIntegerField()),
                ("council_name", models.CharField(max_length=120)),
                ("service_name", models.CharField(max_length=120)),
                (
                    "brand_colour",
                    models.CharField(
                        help_text="Header colour. White text must be readable on it (contrast of 4.5 to 1 or more).",
                        max_length=7,
                        validators=[
                            django.core.validators.RegexValidator(
                                "^#[0-9a-fA-F]{6}$",
                                "Enter a colour as # and six hex digits, like #1d4f91",
                            )
                        ],
                    ),
                ),
                (
                    "logo_url",
                    models.CharField(
                        blank=True,
                        help_text="Address of the council's logo (SVG or PNG), shown in the header. Leave blank to show the name.",
                        max_length=300,
                    ),
                ),
                (
                    "contact_email",
                    models.EmailField(
                        blank=True,
                        help_text="Where people write about the portal, its accessibility and their data.",
                        max_length=254,
                    ),
                ),
                (
                    "political_year_start_month",
                    models.PositiveSmallIntegerField(
                        choices=[
                            (1, "January"),
                            (2, "February"),
                            (3, "March"),
                            (4, "April"),
                            (5, "May"),
                            (6, "June"),
                            (7, "July"),
                            (8, "August"),
                            (9, "September"),
                            (10, "October"),
                            (11, "November"),
                            (12, "December"),
                        ],
                        default=5,
                        help_text="The month the political (municipal) year starts. May in most councils.",
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
                        to="corporate_parenting.sitesettings",
                    ),
                ),
            ],
            options={
                "abstract": False,
            },
        ),
        # The audit trail's newest-first index on every event table (0006, 0007).
        migrations.RunSQL(
            sql=[
                f'CREATE INDEX "{table}_newest" ON "{table}" (pgh_created_at, pgh_id) INCLUDE (pgh_label)'
                for table in EVENT_TABLES
            ],
            reverse_sql=[f'DROP INDEX IF EXISTS "{table}_newest"' for table in EVENT_TABLES],
        ),
    ]
