"""Every kind of e-mail the portal sends from its outbox, in one place.

A kind's templates are emails/reminders/<kind>_subject.txt, <kind>.txt and <kind>.html. An
optional kind can be turned off by the person who gets it; the others come with a duty (a
clerk's deadline, an author's report, a DBS check) and cannot be.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models


class Kind(models.TextChoices):
    EVENT_UPCOMING = "event_upcoming", "Event reminder"
    EVENT_CHANGED = "event_changed", "Event cancelled or moved"
    ACTION_DUE = "action_due", "Action due soon"
    ACTION_OVERDUE = "action_overdue", "Action overdue"
    ACTIONS_OVERDUE_DIGEST = "actions_overdue_digest", "Overdue actions: weekly digest"
    MATTER_OVERDUE = "matter_overdue", "Children in Care Council matter overdue"
    REPORT_DEADLINE = "report_deadline", "Report deadline"
    PLANNED_REPORT_DUE = "planned_report_due", "Planned item: report due"
    REPORT_SUBMITTED = "report_submitted", "Report submitted for approval"
    REPORT_RETURNED = "report_returned", "Report returned to its author"
    REPORT_APPROVED = "report_approved", "Report approved by its sponsor"
    AGENDA_DEADLINE = "agenda_deadline", "Agenda publication deadline"
    PAPERS_PUBLISHED = "papers_published", "Agenda or minutes published"
    MEETING_CHANGED = "meeting_changed", "Meeting moved, cancelled or its agenda changed"
    CHAMPION_BEHIND_TARGET = "champion_behind_target", "Champion behind target"
    DBS_NOT_STARTED = "dbs_not_started", "DBS check not started"
    DBS_EXPIRING = "dbs_expiring", "DBS check expiring"
    TRAINING_NOT_DONE = "training_not_done", "Champion training not done"
    OFFER_REVIEW = "offer_review", "Offer entry past its review date"
    OFFER_REVIEW_DIGEST = "offer_review_digest", "Offer entries past review: monthly digest"
    ALERT_CONFIRM = "alert_confirm", "Alert subscription: confirm your address"
    ALERT_ALREADY_SUBSCRIBED = "alert_already_subscribed", "Alert subscription: already subscribed"
    ALERT_AGENDA = "alert_agenda", "Alert: agenda published"
    ALERT_MINUTES = "alert_minutes", "Alert: minutes published"
    ALERT_DECISIONS = "alert_decisions", "Alert: decisions published"
    ALERT_MEETING_CHANGED = "alert_meeting_changed", "Alert: meeting changed"
    PLEDGE_LATE = "pledge_late", "Partner pledge late"
    PLEDGES_LATE_DIGEST = "pledges_late_digest", "Late partner pledges: weekly digest"


@dataclass(frozen=True)
class KindSpec:
    kind: Kind
    # What the person reads on their reminder settings page.
    description: str
    optional: bool
    # Sent to a public alert subscription rather than to a person who signs in.
    public: bool = False
    # The roles it can reach; a person's settings page lists only the kinds their roles get.
    roles: frozenset[str] = frozenset({"councillor", "officer", "admin"})


SPECS: dict[str, KindSpec] = {
    spec.kind.value: spec
    for spec in (
        KindSpec(
            Kind.EVENT_UPCOMING,
            "Events you signed up for: a reminder a week and a day before",
            optional=True,
            roles=frozenset({"councillor"}),
        ),
        KindSpec(
            Kind.EVENT_CHANGED,
            "Events you signed up for: when one is cancelled or moved",
            optional=False,
            roles=frozenset({"councillor"}),
        ),
        KindSpec(
            Kind.ACTION_DUE,
            "Panel actions you own: ten days before they are due",
            optional=True,
            roles=frozenset({"councillor", "officer", "partner"}),
        ),
        KindSpec(
            Kind.ACTION_OVERDUE,
            "Panel actions you own: when one is overdue",
            optional=False,
            roles=frozenset({"councillor", "officer", "partner"}),
        ),
        KindSpec(
            Kind.ACTIONS_OVERDUE_DIGEST,
            "Bodies you clerk: a weekly list of overdue actions",
            optional=True,
            roles=frozenset({"officer", "admin"}),
        ),
        KindSpec(
            Kind.MATTER_OVERDUE,
            "Matters the Children in Care Council raised that you answer: when one is overdue",
            optional=False,
            roles=frozenset({"councillor", "officer"}),
        ),
        KindSpec(
            Kind.REPORT_DEADLINE,
            "Reports you write: before the deadline, and when one is late",
            optional=False,
            roles=frozenset({"officer", "admin"}),
        ),
        KindSpec(
            Kind.PLANNED_REPORT_DUE,
            "Items the work programme plans for you: before their report is due",
            optional=True,
            roles=frozenset({"officer", "admin"}),
        ),
        KindSpec(
            Kind.REPORT_SUBMITTED,
            "Reports you sponsor: when one is submitted for your approval",
            optional=True,
            roles=frozenset({"officer", "admin"}),
        ),
        KindSpec(
            Kind.REPORT_RETURNED,
            "Reports you write: when the sponsor returns one with comments",
            optional=True,
            roles=frozenset({"officer", "admin"}),
        ),
        KindSpec(
            Kind.REPORT_APPROVED,
            "Reports you write: when the sponsor approves one",
            optional=True,
            roles=frozenset({"officer", "admin"}),
        ),
        KindSpec(
            Kind.AGENDA_DEADLINE,
            "Bodies you clerk: before the last day to publish an agenda",
            optional=False,
            roles=frozenset({"officer", "admin"}),
        ),
        KindSpec(
            Kind.PAPERS_PUBLISHED,
            "Bodies you sit on: when an agenda or minutes are published",
            optional=True,
            roles=frozenset({"councillor"}),
        ),
        KindSpec(
            Kind.MEETING_CHANGED,
            "Bodies you sit on: when a meeting is moved or cancelled, or its agenda changes",
            optional=False,
            roles=frozenset({"councillor", "officer", "admin"}),
        ),
        KindSpec(
            Kind.CHAMPION_BEHIND_TARGET,
            "Your champion role: when you are behind your engagements for the year",
            optional=True,
            roles=frozenset({"councillor"}),
        ),
        KindSpec(
            Kind.DBS_NOT_STARTED,
            "Admins: a weekly list of champions with no DBS application",
            optional=False,
            roles=frozenset({"admin"}),
        ),
        KindSpec(
            Kind.DBS_EXPIRING,
            "DBS checks about to expire",
            optional=False,
            roles=frozenset({"councillor", "admin"}),
        ),
        KindSpec(
            Kind.TRAINING_NOT_DONE,
            "Your champion role: when your champion training is not yet done",
            optional=True,
            roles=frozenset({"councillor"}),
        ),
        KindSpec(
            Kind.OFFER_REVIEW,
            "Offer entries you keep: when one is past its review date",
            optional=False,
            roles=frozenset({"officer", "admin", "partner"}),
        ),
        KindSpec(
            Kind.PLEDGE_LATE,
            "Your organisation's pledges: when one is past its date and not done",
            optional=False,
            roles=frozenset({"partner"}),
        ),
        KindSpec(
            Kind.PLEDGES_LATE_DIGEST,
            "Bodies you clerk: a weekly list of their partners' late pledges",
            optional=True,
            roles=frozenset({"officer", "admin"}),
        ),
        KindSpec(
            Kind.OFFER_REVIEW_DIGEST,
            "Offer review leads: a monthly list of entries past their review date",
            optional=True,
            roles=frozenset({"officer", "admin"}),
        ),
        KindSpec(Kind.ALERT_CONFIRM, "Confirm an alert subscription", False, public=True),
        KindSpec(
            Kind.ALERT_ALREADY_SUBSCRIBED,
            "Someone asked for alerts this address already gets",
            False,
            public=True,
        ),
        KindSpec(Kind.ALERT_AGENDA, "Agendas published", False, public=True),
        KindSpec(Kind.ALERT_MINUTES, "Minutes published", False, public=True),
        KindSpec(Kind.ALERT_DECISIONS, "Decisions published", False, public=True),
        KindSpec(
            Kind.ALERT_MEETING_CHANGED, "A meeting moved, cancelled or changed", False, public=True
        ),
    )
}

OPTIONAL_KINDS = tuple(kind for kind, spec in SPECS.items() if spec.optional)
REQUIRED_PERSONAL_KINDS = tuple(
    kind for kind, spec in SPECS.items() if not spec.optional and not spec.public
)


def spec_for(kind: str) -> KindSpec:
    return SPECS[kind]


def kinds_for(roles: frozenset[str] | set[str], *, optional: bool) -> tuple[str, ...]:
    """The kinds a person with these roles can get, optional or required: what their reminder
    settings page lists."""
    return tuple(
        kind
        for kind, spec in SPECS.items()
        if spec.optional == optional and not spec.public and spec.roles & set(roles)
    )
