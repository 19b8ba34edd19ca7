"""Panels 0001 to 0004 in one, for a new install: each table made once with its final columns,
indexes and constraints, then the decision statuses (0003) and the papers search's indexes
(0004). An existing database, which has 0001 to 0004, takes this as applied. Made because
migrating an empty database spent most of its time re-rendering the models after each of the
61 steps these replace.
"""

import django.contrib.postgres.fields
import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import panels.models.meetings
import panels.reports.models

# From 0003.
DECISION_STATUSES = (
    "Recommendations Approved",
    "Noted",
    "Agreed",
    "Deferred",
    "For determination",
    "Referred",
)


def add_decision_statuses(apps, schema_editor):
    DecisionStatus = apps.get_model("panels", "DecisionStatus")
    for position, name in enumerate(DECISION_STATUSES, start=1):
        DecisionStatus.objects.get_or_create(name=name, defaults={"position": position})


# From 0004: GIN indexes for the papers search (panels/search.py).
INDEXES = {
    "panels_item_search": (
        "panels_agendaitem",
        "to_tsvector('english'::regconfig, COALESCE(title, '') || ' ' || COALESCE(presenter, ''))",
    ),
    "panels_minutes_search": (
        "panels_agendaitem",
        "to_tsvector('english'::regconfig, COALESCE(discussion, ''))",
    ),
    "panels_resolution_search": (
        "panels_resolution",
        "to_tsvector('english'::regconfig, COALESCE(text, ''))",
    ),
    "panels_report_search": (
        "panels_report",
        "(setweight(to_tsvector('english'::regconfig, COALESCE(title, '')), 'A') || "
        "setweight(to_tsvector('english'::regconfig, COALESCE(summary, '') || ' ' || "
        "COALESCE(recommendations, '') || ' ' || COALESCE(purpose, '')), 'B'))",
    ),
}


class Migration(migrations.Migration):
    replaces = [
        ("panels", "0001_initial"),
        ("panels", "0002_declaration_recorded_by_optional"),
        ("panels", "0003_papers_decisions_exempt"),
        ("panels", "0004_search_papers"),
    ]

    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("offer", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="AgendaItem",
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
                ("minute_sequence", models.PositiveIntegerField(blank=True, null=True)),
                ("discussion", models.TextField(blank=True)),
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
                    "is_exempt",
                    models.BooleanField(
                        default=False,
                        help_text="Exempt business under Schedule 12A: its report and minutes are never public.",
                        verbose_name="taken in private",
                    ),
                ),
            ],
            options={
                "ordering": ("meeting", "position"),
            },
        ),
        migrations.CreateModel(
            name="DecisionStatus",
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
                ("name", models.CharField(max_length=80, unique=True)),
                ("position", models.PositiveSmallIntegerField(default=0)),
                ("is_active", models.BooleanField(default=True, verbose_name="in use")),
            ],
            options={
                "verbose_name_plural": "decision statuses",
                "ordering": ("position", "name"),
            },
        ),
        migrations.CreateModel(
            name="Amendment",
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
                ("previous_text", models.TextField()),
                ("new_text", models.TextField()),
                ("reason", models.TextField()),
                (
                    "item",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="amendments",
                        to="panels.agendaitem",
                    ),
                ),
                (
                    "made_by",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ("item", "created_at"),
            },
        ),
        migrations.CreateModel(
            name="Body",
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
                ("name", models.CharField(max_length=150, unique=True)),
                ("slug", models.SlugField(max_length=60, unique=True)),
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
                    "report_deadline_days",
                    models.PositiveSmallIntegerField(
                        default=15,
                        help_text="How many days before a meeting its reports are due with the clerk.",
                    ),
                ),
                (
                    "clerk",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="clerked_bodies",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name_plural": "bodies",
                "ordering": ("name",),
            },
        ),
        migrations.CreateModel(
            name="Meeting",
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
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "approved_at_meeting",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="approved_minutes",
                        to="panels.meeting",
                    ),
                ),
                (
                    "body",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="meetings",
                        to="panels.body",
                    ),
                ),
                (
                    "minutes_approved_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ("-date", "-start_time"),
                "indexes": [
                    models.Index(fields=["body", "date"], name="panels_meet_body_id_cf0bb7_idx")
                ],
            },
        ),
        migrations.CreateModel(
            name="Declaration",
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
                        help_text="Leave empty for a general declaration.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="declarations",
                        to="panels.agendaitem",
                    ),
                ),
                (
                    "member",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="panel_declarations",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "recorded_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "meeting",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="declarations",
                        to="panels.meeting",
                    ),
                ),
            ],
            options={
                "ordering": ("meeting", "created_at"),
            },
        ),
        migrations.CreateModel(
            name="Attendance",
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
                    "user",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="panel_attendance",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "meeting",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="attendance",
                        to="panels.meeting",
                    ),
                ),
            ],
            options={
                "ordering": ("meeting", "kind", "position", "name"),
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("user__isnull", False)),
                        fields=("meeting", "user"),
                        name="panels_one_attendance_per_person",
                    )
                ],
            },
        ),
        migrations.AddField(
            model_name="agendaitem",
            name="meeting",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="items",
                to="panels.meeting",
            ),
        ),
        migrations.CreateModel(
            name="Membership",
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
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="memberships",
                        to="panels.body",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="panel_memberships",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ("body", "user__full_name"),
                "constraints": [
                    models.UniqueConstraint(
                        fields=("body", "user"), name="panels_one_membership_per_body"
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="PackBuild",
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
                (
                    "edition",
                    models.CharField(
                        choices=[
                            ("public", "Public pack"),
                            ("full", "Full pack, with private items, for members"),
                        ],
                        max_length=10,
                    ),
                ),
                ("content_key", models.CharField(max_length=64)),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("queued", "Waiting to start"),
                            ("building", "Being made"),
                            ("ready", "Ready"),
                            ("failed", "Failed"),
                        ],
                        default="queued",
                        max_length=10,
                    ),
                ),
                (
                    "file",
                    models.FileField(blank=True, upload_to=panels.reports.models.pack_upload_to),
                ),
                ("page_count", models.PositiveIntegerField(default=0)),
                ("started_at", models.DateTimeField(blank=True, null=True)),
                ("finished_at", models.DateTimeField(blank=True, null=True)),
                ("render_ms", models.PositiveIntegerField(blank=True, null=True)),
                ("error", models.TextField(blank=True)),
                (
                    "meeting",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="packs",
                        to="panels.meeting",
                    ),
                ),
                (
                    "requested_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ("meeting", "-created_at"),
                "constraints": [
                    models.UniqueConstraint(
                        fields=("meeting", "edition", "content_key"),
                        name="panels_pack_once_per_content",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="Report",
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
                    "priorities",
                    django.contrib.postgres.fields.ArrayField(
                        base_field=models.CharField(
                            choices=[
                                ("stability", "Stability"),
                                ("resilience", "Resilience"),
                                ("eet", "Education, employment and training"),
                                ("health", "Health"),
                                ("listening", "Listening"),
                                ("care_experienced", "Care experienced"),
                                ("corporate_parenting", "Corporate parenting"),
                            ],
                            max_length=30,
                        ),
                        blank=True,
                        default=list,
                        size=None,
                        verbose_name="strategic priorities",
                    ),
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
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="authored_reports",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "indicators",
                    models.ManyToManyField(
                        blank=True,
                        help_text="Their scorecard, with charts, is printed in the report.",
                        related_name="reports",
                        to="offer.indicator",
                        verbose_name="KPIs to show",
                    ),
                ),
                (
                    "item",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="written_report",
                        to="panels.agendaitem",
                    ),
                ),
                (
                    "published_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "sponsor",
                    models.ForeignKey(
                        help_text="Usually a director, who approves the report before it is published.",
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="sponsored_reports",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ("item__meeting__date", "item__position"),
            },
        ),
        migrations.CreateModel(
            name="ReportAnnex",
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
                ("position", models.PositiveSmallIntegerField()),
                ("title", models.CharField(max_length=200)),
                ("file", models.FileField(upload_to=panels.reports.models.annex_upload_to)),
                ("page_count", models.PositiveIntegerField(default=0, editable=False)),
                ("size", models.PositiveIntegerField(default=0, editable=False)),
                ("sha256", models.CharField(blank=True, editable=False, max_length=64)),
                (
                    "report",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="annexes",
                        to="panels.report",
                    ),
                ),
            ],
            options={
                "verbose_name_plural": "report annexes",
                "ordering": ("report", "position"),
            },
        ),
        migrations.CreateModel(
            name="ReportSection",
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
                ("position", models.PositiveSmallIntegerField()),
                ("heading", models.CharField(max_length=200)),
                (
                    "body",
                    models.TextField(blank=True, help_text="As written, in the report markup."),
                ),
                ("body_html", models.TextField(blank=True, editable=False)),
                (
                    "report",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="sections",
                        to="panels.report",
                    ),
                ),
            ],
            options={
                "ordering": ("report", "position"),
                "constraints": [
                    models.UniqueConstraint(
                        fields=("report", "position"), name="panels_report_section_position"
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="ReportVersion",
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
                ("number", models.PositiveIntegerField()),
                ("action", models.CharField(max_length=40)),
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
                        max_length=12,
                    ),
                ),
                ("content", models.JSONField()),
                ("comment", models.TextField(blank=True)),
                (
                    "made_by",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "report",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="versions",
                        to="panels.report",
                    ),
                ),
            ],
            options={
                "ordering": ("report", "-number", "-created_at"),
            },
        ),
        migrations.CreateModel(
            name="Resolution",
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
                    "call_in_deadline",
                    models.DateField(blank=True, null=True, verbose_name="call-in deadline"),
                ),
                (
                    "is_key_decision",
                    models.BooleanField(default=False, verbose_name="key decision"),
                ),
                ("subject_to_call_in", models.BooleanField(default=False)),
                (
                    "decision_status",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="panels.decisionstatus",
                    ),
                ),
                (
                    "item",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="resolutions",
                        to="panels.agendaitem",
                    ),
                ),
                (
                    "owner",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="panel_actions",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ("item", "position"),
                "constraints": [
                    models.UniqueConstraint(
                        fields=("item", "position"), name="panels_resolution_position_unique"
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("is_action", False),
                            ("owner__isnull", False),
                            ("owner_is_members", True),
                            _connector="OR",
                        ),
                        name="panels_action_has_owner",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("subject_to_call_in", False),
                            ("call_in_deadline__isnull", False),
                            _connector="OR",
                        ),
                        name="panels_call_in_has_deadline",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="ActionUpdate",
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
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "resolution",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="updates",
                        to="panels.resolution",
                    ),
                ),
            ],
            options={
                "ordering": ("resolution", "created_at"),
            },
        ),
        migrations.AddConstraint(
            model_name="agendaitem",
            constraint=models.UniqueConstraint(
                fields=("meeting", "position"), name="panels_item_position_unique"
            ),
        ),
        migrations.AddConstraint(
            model_name="agendaitem",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("is_exempt", False),
                    models.Q(("exempt_paragraph", ""), _negated=True),
                    _connector="OR",
                ),
                name="panels_exempt_item_has_paragraph",
            ),
        ),
        migrations.RunPython(add_decision_statuses, migrations.RunPython.noop),
        migrations.RunSQL(
            sql=[
                f"CREATE INDEX {name} ON {table} USING gin (({expression}))"
                for name, (table, expression) in INDEXES.items()
            ],
            reverse_sql=[f"DROP INDEX {name}" for name in INDEXES],
        ),
    ]
