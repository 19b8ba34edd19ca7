"""Reads for panels, with the domain's verbs.

What the public may see, and what a member may read, is decided here and nowhere else. Each rule
is one method, and the others are built on it:

- `Meeting.objects.public()`: meetings of public bodies whose agenda has been published (the
  recorded act of publication decides, never a status). The root of everything public.
- `AgendaItem.objects.on_public_agenda()`: the items of those meetings, which the public sees by
  title; `AgendaItem.objects.public()`: those whose content (report, discussion, resolutions) is
  public, never an exempt item's (`AgendaItem.content_is_public` is the same rule for an item in
  hand); `AgendaItem.objects.in_public_minutes()`: those of meetings whose minutes are approved.
- `Report.objects.public()` (panels/reports/querysets.py): published reports on public items.
- `Resolution.objects.public()`: resolutions in public minutes; `.decisions()` those with a
  decision status: one meaning of "decision" for the public pages, feeds, API, search and alerts.
- `Attendance.objects.counted()`: attendance at meetings held (never apologies sent ahead for a
  meeting still to come); `.public()` those at public meetings: the attendance statistics.
- `Declaration.objects.public()`: the register of interests as the public minutes show it.
- `visible_to(user)` beside each: the council's staff (User.is_council_staff) see everything;
  a member of a body reads its papers from publication; anyone else what is public.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.apps import apps
from django.db import models
from django.db.models import (
    BooleanField,
    Case,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from corporate_parenting.counting import count_of
from corporate_parenting.permissions import is_council_staff

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from corporate_parenting.models import User


# A meeting has been held once its attendance is recorded on or after the day.
HELD_STATUSES = ("held", "minutes_draft", "minutes_approved")
# An action still to be done: ActionStatus.OPEN and IN_PROGRESS.
OPEN_STATUSES = ("open", "in_progress")


def _sees_everything(user: User | AnonymousUser) -> bool:
    return is_council_staff(user)


def _bodies_of(user: User) -> models.QuerySet:
    """The bodies this person sits on, as a subquery (a join through the memberships would give
    each row once per member)."""
    return apps.get_model("panels", "Body").objects.filter(memberships__user=user)


class BodyQuerySet(models.QuerySet):
    def for_member(self, user: User | AnonymousUser) -> BodyQuerySet:
        return self.filter(memberships__user=user)

    def visible_to(self, user: User | AnonymousUser) -> BodyQuerySet:
        """Officers and admins see every body; a councillor sees the bodies they sit on."""
        if _sees_everything(user):
            return self
        if user.is_authenticated:
            return self.for_member(user)
        return self.none()

    def public(self) -> BodyQuerySet:
        return self.filter(is_public=True)


class MeetingQuerySet(models.QuerySet):
    def for_member(self, user: User | AnonymousUser) -> MeetingQuerySet:
        """Meetings of the bodies this person sits on (used by the personal calendar feed)."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(body__memberships__user=user)

    def visible_to(self, user: User | AnonymousUser) -> MeetingQuerySet:
        if _sees_everything(user):
            return self
        return self.for_member(user)

    def clerked_by(self, user: User) -> MeetingQuerySet:
        return self.filter(body__clerk=user)

    def upcoming(self, today: date | None = None) -> MeetingQuerySet:
        return self.filter(date__gte=today or timezone.localdate()).order_by("date", "start_time")

    def past(self, today: date | None = None) -> MeetingQuerySet:
        return self.filter(date__lt=today or timezone.localdate())

    def public(self) -> MeetingQuerySet:
        """Meetings of public bodies whose agenda has been published: the explicit, recorded act
        of publication decides, never the meeting's status."""
        return self.filter(body__is_public=True, agenda_published_at__isnull=False)

    def with_public_minutes(self) -> MeetingQuerySet:
        """Public meetings whose minutes are approved: the public minutes (page, PDF, feed)."""
        return self.public().filter(status="minutes_approved")

    def published(self) -> MeetingQuerySet:
        """Meetings whose agenda has been published, of any body: from then on the members of
        the body read its papers."""
        return self.filter(agenda_published_at__isnull=False)

    def full_papers_visible_to(self, user: User | AnonymousUser) -> MeetingQuerySet:
        """Meetings whose full papers (exempt ones included: the full pack) this person may
        read: staff every meeting's; a member those of their bodies once the agenda is
        published; nobody else."""
        if _sees_everything(user):
            return self
        if not user.is_authenticated:
            return self.none()
        return self.published().filter(body__in=_bodies_of(user))

    def papers_visible_to(self, user: User | AnonymousUser) -> MeetingQuerySet:
        """Meetings whose papers (reports, uploaded files, annexes, the public pack) this person
        may read: their full papers, and anyone the public meetings'."""
        if _sees_everything(user):
            return self
        if not user.is_authenticated:
            return self.public()
        meetings = apps.get_model("panels", "Meeting").objects
        return self.filter(
            Q(pk__in=meetings.public().values("pk"))
            | Q(pk__in=meetings.full_papers_visible_to(user).values("pk"))
        )

    def held(self) -> MeetingQuerySet:
        return self.filter(status__in=HELD_STATUSES)

    def for_minutes(self) -> MeetingQuerySet:
        """Everything the meeting page and the minutes show, in a fixed number of queries: one
        per kind of row, each with the people and records it names joined in."""
        attendance, declaration, item, resolution, amendment = (
            apps.get_model("panels", name)
            for name in ("Attendance", "Declaration", "AgendaItem", "Resolution", "Amendment")
        )
        # Each kind is ordered within its meeting or item: the models' default orders begin
        # with the meeting (its date), which would join the meetings table into every query.
        return self.select_related("body", "approved_at_meeting").prefetch_related(
            "body__memberships",
            Prefetch(
                "attendance", queryset=attendance.objects.order_by("kind", "position", "name")
            ),
            Prefetch(
                "declarations",
                queryset=declaration.objects.select_related("member", "item").order_by(
                    "created_at"
                ),
            ),
            Prefetch(
                "items", queryset=item.objects.select_related("written_report").order_by("position")
            ),
            Prefetch(
                "items__resolutions",
                queryset=resolution.objects.select_related("owner", "decision_status").order_by(
                    "position"
                ),
            ),
            Prefetch(
                "items__amendments",
                queryset=amendment.objects.select_related("made_by").order_by("created_at"),
            ),
        )

    def with_item_counts(self) -> MeetingQuerySet:
        items = apps.get_model("panels", "AgendaItem").objects.filter(meeting=OuterRef("pk"))
        return self.annotate(item_count=count_of(items, "meeting"))


class AgendaItemQuerySet(models.QuerySet):
    def on_public_agenda(self) -> AgendaItemQuerySet:
        """Items of public meetings: the public sees each by its title, an exempt one too."""
        meeting = apps.get_model("panels", "Meeting")
        return self.filter(meeting__in=meeting.objects.public())

    def public(self) -> AgendaItemQuerySet:
        """Items whose content anyone may read: on a public agenda, and not exempt. An exempt
        item's report, discussion and resolutions are never public (Schedule 12A)."""
        return self.on_public_agenda().filter(is_exempt=False)

    def in_public_minutes(self) -> AgendaItemQuerySet:
        """Public items of meetings whose minutes are approved: their discussion and
        resolutions are in the public minutes."""
        meeting = apps.get_model("panels", "Meeting")
        return self.public().filter(meeting__in=meeting.objects.with_public_minutes())

    def papers_visible_to(self, user: User | AnonymousUser) -> AgendaItemQuerySet:
        """Items whose papers (the uploaded report file, the written report) this person may
        read: staff all; a member those of their bodies' published agendas, exempt ones
        included; anyone the public items."""
        if _sees_everything(user):
            return self
        if not user.is_authenticated:
            return self.public()
        meeting = apps.get_model("panels", "Meeting")
        members = meeting.objects.full_papers_visible_to(user)
        return self.filter(Q(pk__in=self.public().values("pk")) | Q(meeting__in=members))

    def late_files(self, meeting: object) -> AgendaItemQuerySet:
        """Items of this meeting whose report file was uploaded after its agenda was published
        and has gone out in no supplement since: late papers for the next supplement."""
        supplement = apps.get_model("panels", "Supplement")
        sent = supplement.objects.filter(
            items=OuterRef("pk"), published_at__gte=OuterRef("report_file_at")
        )
        return (
            self.filter(
                meeting=meeting,
                meeting__agenda_published_at__isnull=False,
                report_file_at__gt=models.F("meeting__agenda_published_at"),
            )
            .exclude(report_file="")
            .exclude(Exists(sent))
        )


class SupplementQuerySet(models.QuerySet):
    def public(self) -> SupplementQuerySet:
        """Supplements anyone may read: of public meetings, holding at least one public paper
        (AgendaItem.objects.public(): never only exempt ones)."""
        meeting = apps.get_model("panels", "Meeting")
        item = apps.get_model("panels", "AgendaItem")
        return self.filter(
            meeting__in=meeting.objects.public(),
            pk__in=apps.get_model("panels", "Supplement")
            .items.through.objects.filter(agendaitem__in=item.objects.public())
            .values("supplement"),
        )


class AttendanceQuerySet(models.QuerySet):
    def counted(self) -> AttendanceQuerySet:
        """Attendance at meetings that have been held: what the attendance statistics count.
        Apologies sent ahead for a meeting still to come count for nothing yet."""
        return self.filter(meeting__status__in=HELD_STATUSES)

    def public(self) -> AttendanceQuerySet:
        """Counted attendance at public meetings: the public's attendance statistics."""
        meeting = apps.get_model("panels", "Meeting")
        return self.counted().filter(meeting__in=meeting.objects.public())


class DeclarationQuerySet(models.QuerySet):
    def for_body(self, body: object) -> DeclarationQuerySet:
        return self.filter(meeting__body=body).select_related("member", "meeting", "item")

    def public(self) -> DeclarationQuerySet:
        """The register as the public minutes show it: declarations at public meetings whose
        minutes are approved. What an interest in an exempt item was stays private
        (panels.minutes.declaration_sentence)."""
        meeting = apps.get_model("panels", "Meeting")
        return self.filter(meeting__in=meeting.objects.with_public_minutes())


class ResolutionQuerySet(models.QuerySet):
    def actions(self) -> ResolutionQuerySet:
        return self.filter(is_action=True)

    def open(self) -> ResolutionQuerySet:
        return self.actions().filter(status__in=OPEN_STATUSES)

    def with_due_on(self, today: date | None = None) -> ResolutionQuerySet:
        """due_on: the due date, or for "next meeting" the date of the body's next meeting.
        is_overdue: an open action whose due_on has passed. Overdue is decided here and nowhere
        else: the action log, its filter, the minutes, the home page and reminders all read it."""
        # The models import this module, so Meeting comes from the app registry.
        meeting = apps.get_model("panels", "Meeting")
        next_meeting = (
            meeting.objects.filter(
                body=OuterRef("item__meeting__body"), date__gt=OuterRef("item__meeting__date")
            )
            .order_by("date")
            .values("date")[:1]
        )
        return self.annotate(due_on=Coalesce("due_date", Subquery(next_meeting))).annotate(
            is_overdue=Case(
                When(
                    is_action=True,
                    status__in=OPEN_STATUSES,
                    due_on__lt=today or timezone.localdate(),
                    then=Value(True),
                ),
                default=Value(False),
                output_field=BooleanField(),
            )
        )

    def overdue(self, today: date | None = None) -> ResolutionQuerySet:
        return self.with_due_on(today).filter(is_overdue=True)

    def owned_by(self, user: User) -> ResolutionQuerySet:
        """The actions that are this person's to do and update: those they own, and those owned
        by "the members" of a body they sit on."""
        return self.filter(
            models.Q(owner=user)
            | models.Q(owner_is_members=True, item__meeting__body__in=_bodies_of(user))
        )

    def carried_to(self, meeting: object) -> ResolutionQuerySet:
        """Open actions from earlier meetings of this body: the meeting's action log."""
        return self.open().filter(
            item__meeting__body=meeting.body,  # type: ignore[attr-defined]  # meeting is a Meeting, typed object here
            item__meeting__date__lt=meeting.date,  # type: ignore[attr-defined]  # as above
        )

    def visible_to(self, user: User | AnonymousUser) -> ResolutionQuerySet:
        if _sees_everything(user):
            return self
        if not user.is_authenticated:
            return self.none()
        # The bodies as a subquery: a join through the memberships made every row one per
        # member, to be made distinct again, and the action log's count read them all. An
        # action's owner reads it too (a partner's representative need not sit on the body).
        return self.filter(
            models.Q(item__meeting__body__in=_bodies_of(user)) | models.Q(owner=user)
        )

    def for_log(self) -> ResolutionQuerySet:
        return self.for_minutes().select_related("item__meeting__body")

    def for_minutes(self) -> ResolutionQuerySet:
        """Actions in the action log's order, as the minutes of the meeting they are carried to
        list them: that meeting's body is the minutes' own, so only the owner and item come."""
        return self.with_due_on().select_related("owner", "item").order_by("due_on", "pk")

    def public(self) -> ResolutionQuerySet:
        """Resolutions anyone may read: those of items in public minutes (approved minutes of a
        public meeting, never an exempt item's)."""
        items = apps.get_model("panels", "AgendaItem").objects.in_public_minutes()
        return self.filter(item__in=items)

    def decisions(self) -> ResolutionQuerySet:
        """Resolutions with a decision status: what the public pages, feeds, API, search and
        alerts call a decision."""
        return self.filter(decision_status__isnull=False)


class PlannedItemQuerySet(models.QuerySet):
    def in_year(self, start: date, end: date) -> PlannedItemQuerySet:
        """Planned for a month of the year from start to end (a political year)."""
        return self.filter(month__gte=start.replace(day=1), month__lte=end)

    def still_planned(self) -> PlannedItemQuerySet:
        return self.filter(outcome="planned")

    def public(self) -> PlannedItemQuerySet:
        """What anyone may read: the items of a public body whose clerk has published its work
        programme (the recorded act), not dropped; the page shows titles and months only."""
        return self.filter(
            body__is_public=True, body__work_programme_published_at__isnull=False
        ).exclude(outcome="dropped")

    def for_meeting(self, meeting: object) -> PlannedItemQuerySet:
        """Still planned for this meeting: named for it, or for its month with no meeting named."""
        month = meeting.date.replace(day=1)  # type: ignore[attr-defined]  # meeting is a Meeting
        return self.still_planned().filter(
            Q(meeting=meeting) | Q(meeting__isnull=True, month=month),
            body=meeting.body,  # type: ignore[attr-defined]  # as above
        )

    def with_meeting_date(self) -> PlannedItemQuerySet:
        """meeting_date: the meeting it is planned for, or else the body's first meeting in its
        month (None before one is arranged): what its report deadline counts back from."""
        meeting = apps.get_model("panels", "Meeting")
        first_in_month = (
            meeting.objects.filter(
                body=OuterRef("body"),
                date__year=OuterRef("month__year"),
                date__month=OuterRef("month__month"),
            )
            .order_by("date")
            .values("date")[:1]
        )
        return self.annotate(meeting_date=Coalesce("meeting__date", Subquery(first_in_month)))
