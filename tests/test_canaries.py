"""Nothing private reaches the public, and nothing private moves a public figure.

A canary (a unique string) is planted in every kind of content the public must not see: an
unpublished meeting (its venue, item, report file, written report, annex and the apologies sent
ahead of it), a held meeting whose agenda was never published (its minutes), an exempt item of a
published meeting (its minutes, report, annex, report file and resolution), a private body's
published meeting and papers, draft minutes, draft and returned reports, a draft offer entry, a
members-only event, unmoderated feedback, consultation findings and quotes not approved or not
chosen to be shown, alert subscribers' addresses and the e-mail addresses of the people who sit
on the public body. Then every address an anonymous visitor can reach is
read (tests/canaries.py: every URL pattern filled with the planted ids and slugs, every link,
redirect, form, feed, open data page, CSV, calendar and PDF), and no canary may be in any answer.

The public figures (attendance tables, counts, dates, open data counts) of every page read before
the private content was planted must be the same after: apologies sent for a meeting whose agenda
is not published must not move a member's "Expected", "Apologies" or "Absent".

The same walk as a councillor who sits on the public body but not on the private one finds none
of the private body's canaries, nor the papers not yet published that not even members read.
"""

from __future__ import annotations

import datetime
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.apps import apps
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from annual import services as annual_services
from annual.models import AnnualReport
from champions.models import FollowUpStatus
from corporate_parenting.models import User
from corporate_parenting.reminders import services as alerts
from corporate_parenting.reminders.models import AlertSubscription, Reminder
from corporate_parenting.years import current_political_year
from events.models import Event
from offer.models import Feedback, OfferCategory, OfferEntry
from panels import services
from panels.models import (
    AgendaItem,
    Body,
    DecisionStatus,
    Declaration,
    Meeting,
    Membership,
    Resolution,
    Supplement,
)
from panels.reports.models import PackBuild, PackEdition, Report, ReportAnnex
from panels.reports.pack import pack_request
from panels.reports.voice import VoiceChoice
from panels.services import reports
from partners.models import PartnerOrganisation, Pledge, ProgressUpdate
from tests import factories
from tests.canaries import (
    Answer,
    Canaries,
    Canary,
    Candidates,
    Walk,
    figure_changes,
    pdf_with_text,
)
from tests.champions.factories import ChampionAreaFactory, EngagementFactory
from tests.events.factories import EventFactory
from tests.offer.factories import FeedbackFactory, OfferCategoryFactory, OfferEntryFactory
from tests.panels.factories import BodyFactory, MembershipFactory
from tests.second_factor import verify_session
from tests.voice.factories import (
    ConsultationFactory,
    FindingFactory,
    MatterFactory,
    QuoteFactory,
)
from voice.models import (
    Consultation,
    Finding,
    FindingStatus,
    Matter,
    Principle,
    Quote,
    QuoteStatus,
    Theme,
)

# The walk makes over 10,000 requests: room for a machine busy with other work (a hang still
# fails).
pytestmark = [pytest.mark.django_db, pytest.mark.timeout(1200)]

# Each walk's bound; reaching it fails. The walks needed about 5,900 requests before the
# consultations' pages (December 2026), about 7,300 with them, the Council's matters and the
# partners' pages; about 10,300 with the annual reports' pages.
MAX_REQUESTS = 11_000
PROJECT_APPS = (
    "corporate_parenting",
    "champions",
    "panels",
    "events",
    "offer",
    "strategy",
    "voice",
)
# What the planting makes on purpose (and the e-mails it sends): the ids a URL pattern is tried
# with are theirs. Records of what happened (audit, versions, attendance rows) have no page.
PLANTED: tuple[type[models.Model], ...] = (
    User,
    Body,
    Membership,
    Meeting,
    AgendaItem,
    Resolution,
    DecisionStatus,
    Report,
    ReportAnnex,
    PackBuild,
    Supplement,
    Event,
    OfferCategory,
    OfferEntry,
    Feedback,
    AlertSubscription,
    Reminder,
    Matter,
    Consultation,
    Finding,
    Quote,
    AnnualReport,
)


def _upload(name: str, text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, pdf_with_text(text), content_type="application/pdf")


def _meeting(body: Body, days: int, venue: str) -> Meeting:
    return services.meeting_create(
        actor=None,
        body=body,
        date=timezone.localdate() + datetime.timedelta(days=days),
        start_time=datetime.time(18, 30),
        venue=venue,
    )


def _report(
    *,
    item: AgendaItem,
    author: User,
    sponsor: User,
    summary: str,
    section: str,
    annex: str = "",
    submit: bool = True,
    approve: bool = True,
    voice: VoiceChoice | None = None,
) -> Report:
    report = reports.report_create(
        actor=author, item=item, title=item.title, author=author, sponsor=sponsor
    )
    report = reports.report_update(
        actor=author,
        report=report,
        fields={"summary": summary, "recommendations": "That the report be noted."},
        sections=[{"heading": "Background", "body": section}],
        voice=voice,
    )
    if annex:
        reports.annex_add(
            actor=author, report=report, title="Figures", file=_upload("figures.pdf", annex)
        )
    if submit:
        report = reports.report_submit(actor=author, report=report)
    if approve:
        report = reports.report_approve(actor=sponsor, report=report)
    return report


@dataclass
class World:
    """The public content, made before the first walk."""

    body: Body
    chair: User
    clerk: User
    sponsor: User
    walker: User
    noted: DecisionStatus
    approved: Meeting
    drafting: Meeting
    coming: Meeting
    entry: OfferEntry


def plant_public(canaries: Canaries, *, walker: User, sponsor: User) -> World:
    """A public body whose chair and co-opted officer have canary e-mail addresses; a meeting
    held with approved minutes (a public item with its report and decision, and an exempt item
    whose minutes, report, annex, report file and resolution are canaries); a held meeting whose
    minutes are not written yet; a coming meeting with its agenda published; a published offer
    entry and a public event."""
    chair = factories.councillor(email=canaries.email("councillor-email"), full_name="Ada Chair")
    clerk = factories.officer(email=canaries.email("officer-email"), full_name="Sam Clerk")
    body = BodyFactory(
        name="Corporate Parenting Panel",
        slug="corporate-parenting-panel",
        minute_prefix="CPP",
        is_public=True,
        clerk=clerk,
    )
    MembershipFactory(body=body, user=chair, role="chair")
    MembershipFactory(body=body, user=walker, role="member")
    MembershipFactory(body=body, user=clerk, role="co_opted")
    # A young people's representative appears in public by the role alone, never by name.
    young = factories.councillor(full_name=canaries.text("young-person-name"))
    MembershipFactory(body=body, user=young, role="young_people")
    noted, _ = DecisionStatus.objects.get_or_create(name="Noted")

    approved = _meeting(body, -40, "Civic Offices, Committee Room 1")
    housing = services.agenda_item_add(
        actor=clerk,
        meeting=approved,
        title="Care leavers' housing",
        report=_upload("housing.pdf", "Care leavers' housing: the report on the agenda."),
    )
    _report(
        item=housing,
        author=clerk,
        sponsor=sponsor,
        summary="Forty care leavers moved into their own homes this year.",
        section="The Staying Put scheme grew by 12 places.",
        # What young people told us about housing this year: the public view only, so the
        # private words tagged with housing below never reach it, nor move its counts.
        voice=VoiceChoice(
            year=current_political_year().start_year,
            themes=list(Theme.objects.filter(slug="housing")),
        ),
    )
    exempt = services.agenda_item_add(
        actor=clerk,
        meeting=approved,
        title="Placement contract award",
        is_exempt=True,
        exempt_paragraph="3",
        report=_upload("contract.pdf", canaries.text("exempt-report-file")),
    )
    _report(
        item=exempt,
        author=clerk,
        sponsor=sponsor,
        summary=canaries.text("exempt-report-summary"),
        section=canaries.text("exempt-report-section"),
        annex=canaries.text("exempt-annex"),
    )
    services.agenda_publish(actor=clerk, meeting=approved, short_notice_reason="First meeting")
    services.attendance_record(
        actor=clerk,
        meeting=approved,
        present=[chair, walker, young],
        apologies=[clerk],
        officers="A Clerk (Democratic Services)",
        young_people_present=3,
    )
    Declaration.objects.create(  # public, but the representative by the role alone
        meeting=approved, member=young, item=housing, kind="registerable", text="A youth club"
    )
    services.minutes_item_save(
        actor=clerk, item=housing, discussion="The panel heard how the scheme helped 40 people."
    )
    services.resolution_add(
        actor=clerk, item=housing, text="That the update be noted.", decision_status=noted
    )
    services.minutes_item_save(
        actor=clerk, item=exempt, discussion=canaries.text("exempt-discussion")
    )
    services.resolution_add(
        actor=clerk,
        item=exempt,
        text=canaries.text("exempt-resolution"),
        decision_status=noted,
        is_key_decision=True,
    )
    services.minutes_approve(actor=clerk, meeting=approved)

    drafting = _meeting(body, -10, "Civic Offices, Committee Room 2")
    services.agenda_item_add(actor=clerk, meeting=drafting, title="Education of children in care")
    services.agenda_publish(actor=clerk, meeting=drafting, short_notice_reason="Moved forward")
    services.attendance_record(
        actor=clerk, meeting=drafting, present=[chair, clerk], apologies=[walker]
    )

    coming = _meeting(body, 20, "Civic Offices, Council Chamber")
    services.agenda_item_add(actor=clerk, meeting=coming, title="Fostering recruitment")
    services.agenda_item_add(actor=clerk, meeting=coming, title="Health assessments")
    services.agenda_item_add(
        actor=clerk, meeting=coming, title="Provider fees", is_exempt=True, exempt_paragraph="3"
    )
    services.agenda_publish(actor=clerk, meeting=coming)

    # The work programme, published: months and titles are public.
    services.work_programme_publish(actor=clerk, body=body)
    services.planned_item_add(
        actor=clerk,
        body=body,
        title="Sufficiency strategy",
        month=timezone.localdate().replace(day=1),
    )

    category = OfferCategoryFactory(slug="money", name="Money")
    entry = OfferEntryFactory(category=category, slug="council-tax", title="Help with Council Tax")
    EventFactory(title="Care leavers' celebration", is_public=True)
    # A champion area (area names are public: the events diary filters by them), where a
    # champion's private engagement is planted below.
    ChampionAreaFactory(name="Care Leavers and Housing")
    # Five pieces of feedback shown on "You said, we did", about housing: the public voice
    # summary counts 5, so anything private tagged with housing would move it.
    housing_theme = Theme.objects.get(slug="housing")
    for n in range(5):
        FeedbackFactory(
            status=Feedback.Status.PUBLISHED,
            you_said=f"You said a first flat is hard ({n})",
            we_did="We found someone to go to viewings with you",
            moderated_at=timezone.now(),
        ).themes.add(housing_theme)
    # The Children in Care Council (a body of young people, not public) with a seat without an
    # account on the Panel, by role only, and a matter it raised, answered and shown publicly.
    council = BodyFactory(
        name="Children in Care Council",
        slug="children-in-care-council",
        kind="children_in_care_council",
        minute_prefix="CICC",
    )
    services.membership_set(
        actor=clerk,
        body=body,
        seat_name="Children in Care Council representative",
        role="young_people",
    )
    MatterFactory(
        raised_by=council,
        board=body,
        owner=clerk,
        title="Wi-fi in supported lodgings",
        asked="You asked for wi-fi where you live",
        response="Every placement now has wi-fi",
        answered_at=timezone.now(),
        shown_publicly_at=timezone.now(),
    ).themes.add(housing_theme)
    # A consultation whose finding an officer chose to show: the public summary counts 6 for
    # housing, and the finding's words and what was done are on it.
    finding = FindingFactory(
        consultation=ConsultationFactory(title="Make A Noise"),
        statement="You said a first flat needs furniture",
        we_did="We added a furniture grant to the offer",
        status=FindingStatus.SHOWN,
    )
    finding.themes.add(housing_theme)
    _plant_partner(canaries, body)
    return World(body, chair, clerk, sponsor, walker, noted, approved, drafting, coming, entry)


def _plant_partner(canaries: Canaries, body: Body) -> None:
    """Another partner organisation than the walking representative's, answering to the public
    body, made with the public content (its name and made pledge are public): its contact (the
    council's people only) and the evidence file of its made pledge (never the public's)."""
    college = PartnerOrganisation.objects.create(
        name="Eastbrook College",
        slug="eastbrook-college",
        kind="education",
        contact_name=canaries.text("partner-contact-name"),
        contact_email=canaries.email("partner-contact-email"),
        board=body,
    )
    today = timezone.localdate()
    made = Pledge.objects.create(
        organisation=college,
        year=today.year,
        what="A bursary for every care leaver who enrols",
        for_whom="care_leavers",
        how_shown="Bursaries paid each term",
        due_on=today + datetime.timedelta(days=90),
        principle=Principle.objects.get(letter="a"),
        made_at=timezone.now(),
    )
    update = ProgressUpdate(
        pledge=made,
        reported_on=today,
        summary="Twelve bursaries paid this term",
        file_name="bursaries.pdf",
    )
    update.file.save(
        "evidence.pdf",
        SimpleUploadedFile("e.pdf", pdf_with_text(canaries.text("partner-evidence-file"))),
        save=True,
    )


def _plant_partner_draft(canaries: Canaries) -> None:
    """A draft pledge: its own people's and the council's staff's only."""
    today = timezone.localdate()
    Pledge.objects.create(
        organisation=PartnerOrganisation.objects.get(slug="eastbrook-college"),
        year=today.year,
        what=canaries.text("draft-pledge", withheld_from_members=True),
        for_whom="care_leavers",
        how_shown=canaries.text("draft-pledge-how", withheld_from_members=True),
        due_on=today - datetime.timedelta(days=1),  # late, but a draft is never on the agenda
        principle=Principle.objects.get(letter="a"),
    )


def _plant_annual(canaries: Canaries, world: World) -> None:
    """Annual reports never public: the public body's draft (its members read it) and one the
    panel approved but the clerk has not published; and a private body's published report."""
    clerk, body = world.clerk, world.body
    approved = DecisionStatus.objects.get(name="Recommendations Approved")
    draft = annual_services.annual_report_start(actor=clerk, body=body, start_year=2025)
    annual_services.annual_report_save(
        actor=clerk,
        report=draft,
        texts={
            "title": draft.title,
            "chair_foreword": canaries.text("annual-draft-foreword"),
            "young_text": canaries.text("annual-draft-young"),
        },
        priorities=[annual_services.PriorityRow(text=canaries.text("annual-draft-priority"))],
    )
    unpublished = annual_services.annual_report_start(actor=clerk, body=body, start_year=2024)
    annual_services.annual_report_save(
        actor=clerk,
        report=unpublished,
        texts={
            "title": canaries.text("annual-unpublished-title"),
            "council_foreword": canaries.text("annual-unpublished-foreword"),
        },
        priorities=[],
    )
    held = _meeting(body, -3, "Civic Offices")
    services.attendance_record(actor=clerk, meeting=held, present=[], apologies=[])
    annual_services.annual_report_approve(
        actor=clerk, report=unpublished, meeting=held, decision_status=approved
    )
    private = {"private_body": True}
    fostering = Body.objects.get(slug="fostering-panel")
    secret = annual_services.annual_report_start(actor=clerk, body=fostering, start_year=2025)
    annual_services.annual_report_save(
        actor=clerk,
        report=secret,
        texts={
            "title": canaries.text("annual-private-title", **private),
            "achievements": canaries.text("annual-private-achievements", **private),
        },
        priorities=[],
    )
    fostering_held = _meeting(fostering, -4, "Civic Offices")
    services.attendance_record(actor=clerk, meeting=fostering_held, present=[], apologies=[])
    annual_services.annual_report_approve(
        actor=clerk, report=secret, meeting=fostering_held, decision_status=approved
    )
    annual_services.annual_report_publish(actor=clerk, report=secret)


def plant_private(canaries: Canaries, world: World) -> None:
    body, chair, clerk, sponsor, walker = (
        world.body,
        world.chair,
        world.clerk,
        world.sponsor,
        world.walker,
    )
    withheld = {"withheld_from_members": True}

    # A meeting next month, its agenda not published, with papers and apologies sent ahead.
    ahead = _meeting(body, 30, canaries.text("unpublished-venue"))
    item = services.agenda_item_add(
        actor=clerk,
        meeting=ahead,
        title=canaries.text("unpublished-item-title"),
        report=_upload("ahead.pdf", canaries.text("unpublished-report-file", **withheld)),
    )
    _report(
        item=item,
        author=clerk,
        sponsor=sponsor,
        summary=canaries.text("unpublished-report-summary", **withheld),
        section=canaries.text("unpublished-report-section", **withheld),
        annex=canaries.text("unpublished-annex", **withheld),
    )
    services.attendance_record(actor=clerk, meeting=ahead, present=[], apologies=[chair])

    # A meeting held last week whose agenda was never published, with its minutes.
    unpublished = _meeting(body, -5, canaries.text("unpublished-held-venue"))
    item = services.agenda_item_add(
        actor=clerk, meeting=unpublished, title=canaries.text("unpublished-held-item-title")
    )
    services.attendance_record(
        actor=clerk, meeting=unpublished, present=[chair, walker], apologies=[]
    )
    services.minutes_item_save(
        actor=clerk, item=item, discussion=canaries.text("unpublished-minutes-discussion")
    )
    services.resolution_add(
        actor=clerk, item=item, text=canaries.text("unpublished-minutes-resolution")
    )

    # Draft minutes of a published meeting.
    item = world.drafting.items.get(title="Education of children in care")
    services.minutes_item_save(
        actor=clerk, item=item, discussion=canaries.text("draft-minutes-discussion")
    )
    services.resolution_add(
        actor=clerk,
        item=item,
        text=canaries.text("draft-minutes-resolution"),
        decision_status=world.noted,
    )
    # An action in those draft minutes: on the next meeting's action log in the members' pack
    # only.
    services.resolution_add(
        actor=clerk,
        item=item,
        text=canaries.text("draft-minutes-action"),
        is_action=True,
        owner=clerk,
        due_next_meeting=True,
    )

    # A draft report and a returned one, on the published agenda of the coming meeting.
    _report(
        item=world.coming.items.get(title="Fostering recruitment"),
        author=clerk,
        sponsor=sponsor,
        summary=canaries.text("draft-report-summary", **withheld),
        section=canaries.text("draft-report-section", **withheld),
        submit=False,
        approve=False,
    )
    returned = _report(
        item=world.coming.items.get(title="Health assessments"),
        author=clerk,
        sponsor=sponsor,
        summary=canaries.text("returned-report-summary", **withheld),
        section=canaries.text("returned-report-section", **withheld),
        approve=False,
    )
    reports.report_return(
        actor=sponsor, report=returned, comment=canaries.text("returned-report-comment", **withheld)
    )

    # A late paper of an item taken in private, out in a supplement of its own: neither the
    # paper nor the supplement (its reason) is public.
    fees = world.coming.items.get(title="Provider fees")
    services.agenda_item_update(
        actor=clerk,
        item=fees,
        title=fees.title,
        report=_upload("fees.pdf", canaries.text("supplement-exempt-paper")),
    )
    services.supplement_publish(
        actor=clerk,
        meeting=world.coming,
        reason=canaries.text("supplement-private-reason"),
        reports=[],
        items=[fees],
    )

    # A private body's published meeting, its papers, minutes and decisions.
    private = {"private_body": True}
    fostering = BodyFactory(
        name=f"Fostering Panel {canaries.text('private-body-name', **private)}",
        slug="fostering-panel",
        description=canaries.text("private-body-description", **private),
        minute_prefix="FP",
        is_public=False,
        clerk=clerk,
    )
    member = factories.councillor(full_name="Pat Fostering")
    MembershipFactory(body=fostering, user=member, role="chair")
    # The Children in Care Council's matters never chosen to be shown: open, and answered but
    # not shown publicly (tagged with housing, so the public count would move); one for the
    # private body; and a young member of the Council, never named in public.
    council = Body.objects.get(slug="children-in-care-council")
    MembershipFactory(
        body=council, user=factories.councillor(full_name=canaries.text("council-member-name"))
    )
    MatterFactory(
        raised_by=council,
        board=body,
        owner=clerk,
        title=canaries.text("open-matter-title"),
        asked=canaries.text("open-matter-asked"),
    ).themes.add(Theme.objects.get(slug="housing"))
    MatterFactory(
        raised_by=council,
        board=body,
        owner=clerk,
        title=canaries.text("unshown-matter-title"),
        asked=canaries.text("unshown-matter-asked"),
        response=canaries.text("unshown-matter-response"),
        answered_at=timezone.now(),
    ).themes.add(Theme.objects.get(slug="housing"))
    MatterFactory(
        raised_by=council,
        board=fostering,
        owner=clerk,
        title=canaries.text("private-body-matter-title", **private),
        asked=canaries.text("private-body-matter-asked", **private),
    )
    meeting = _meeting(fostering, -20, canaries.text("private-venue", **private))
    item = services.agenda_item_add(
        actor=clerk,
        meeting=meeting,
        title=canaries.text("private-item-title", **private),
        report=_upload("fostering.pdf", canaries.text("private-report-file", **private)),
    )
    _report(
        item=item,
        author=clerk,
        sponsor=sponsor,
        summary=canaries.text("private-report-summary", **private),
        section=canaries.text("private-report-section", **private),
        annex=canaries.text("private-annex", **private),
    )
    services.agenda_publish(actor=clerk, meeting=meeting, short_notice_reason="Urgent")
    services.attendance_record(actor=clerk, meeting=meeting, present=[member], apologies=[])
    services.minutes_item_save(
        actor=clerk, item=item, discussion=canaries.text("private-discussion", **private)
    )
    services.resolution_add(
        actor=clerk,
        item=item,
        text=canaries.text("private-resolution", **private),
        decision_status=world.noted,
    )
    services.minutes_approve(actor=clerk, meeting=meeting)

    # The offer, events, feedback and alerts.
    OfferEntryFactory(
        category=world.entry.category,
        slug="help-with-a-deposit",
        title=canaries.text("draft-offer-title"),
        summary=canaries.text("draft-offer-summary"),
        details=canaries.text("draft-offer-details"),
        status=OfferEntry.Status.DRAFT,
    )
    EventFactory(
        title=canaries.text("members-event-title"),
        description=canaries.text("members-event-description"),
        location=canaries.text("members-event-location"),
        is_public=False,
    )
    FeedbackFactory(
        entry=world.entry,
        kind=Feedback.Kind.MISSING,
        text=canaries.text("unmoderated-feedback"),
        status=Feedback.Status.NEW,
    )
    _plant_partner_draft(canaries)
    _plant_annual(canaries, world)
    # What young people said, tagged with a theme but never chosen to be shown: feedback
    # moderated and hidden, feedback not moderated yet, and a champion's engagement whose
    # follow-up is done but not marked for "You said, we did".
    housing_theme = Theme.objects.get(slug="housing")
    FeedbackFactory(
        kind=Feedback.Kind.MISSING,
        text=canaries.text("hidden-tagged-feedback"),
        you_said=canaries.text("hidden-tagged-feedback-words"),
        status=Feedback.Status.HIDDEN,
        moderated_at=timezone.now(),
    ).themes.add(housing_theme)
    FeedbackFactory(
        kind=Feedback.Kind.MISSING,
        text=canaries.text("unmoderated-tagged-feedback"),
        status=Feedback.Status.NEW,
    ).themes.add(housing_theme)
    EngagementFactory(
        area=ChampionAreaFactory(name="Care Leavers and Housing"),
        young_people_said=canaries.text("engagement-said"),
        follow_up_requested="Look at it",
        follow_up_status=FollowUpStatus.DONE,
        follow_up_response=canaries.text("engagement-response"),
        show_in_you_said_we_did=False,
    ).themes.add(housing_theme)
    # A consultation's words nobody chose to show: what it asked, a finding approved for members
    # only, and (not even for members) a finding waiting, a rejected one and quotes waiting or
    # rejected, all tagged with housing; and an approved quote, read by members only.
    consultation = ConsultationFactory(asked=canaries.text("consultation-asked"))
    approved = FindingFactory(
        consultation=consultation,
        statement=canaries.text("approved-finding"),
        we_did=canaries.text("approved-finding-we-did"),
        status=FindingStatus.APPROVED,
    )
    QuoteFactory(finding=approved, text=canaries.text("approved-quote"))
    QuoteFactory(
        finding=approved,
        text=canaries.text("pending-quote", **withheld),
        status=QuoteStatus.PENDING,
    )
    QuoteFactory(
        finding=approved,
        text=canaries.text("rejected-quote", **withheld),
        status=QuoteStatus.REJECTED,
    )
    pending = FindingFactory(
        consultation=consultation,
        statement=canaries.text("pending-finding", **withheld),
        status=FindingStatus.PENDING,
    )
    rejected = FindingFactory(
        consultation=consultation,
        statement=canaries.text("rejected-finding", **withheld),
        status=FindingStatus.REJECTED,
    )
    for finding in (approved, pending, rejected):
        finding.themes.add(housing_theme)
    # The work programme's officers' side: an item's notes and author, a dropped item and why.
    month = timezone.localdate().replace(day=1)
    services.planned_item_add(
        actor=clerk,
        body=body,
        title="Fostering annual report",
        month=month,
        owner=sponsor,
        notes=canaries.text("planned-item-notes"),
    )
    dropped = services.planned_item_add(
        actor=clerk, body=body, title=canaries.text("dropped-planned-title"), month=month
    )
    services.planned_item_drop(
        actor=clerk, item=dropped, reason=canaries.text("dropped-planned-reason")
    )
    alerts.alert_subscribe(
        email=canaries.email("alert-unconfirmed-email"),
        body=body,
        agendas=True,
        minutes=True,
        decisions=True,
    )
    confirmed = alerts.alert_subscribe(
        email=canaries.email("alert-confirmed-email"),
        body=body,
        agendas=True,
        minutes=True,
        decisions=True,
    )
    alerts.alert_confirm(token=confirmed.subscription.token)


def request_packs(capture: Callable[..., Any]) -> None:
    """The agenda packs of every published meeting, as anyone may ask for them; a pack whose
    content did not change is not made again."""
    for meeting in Meeting.objects.exclude(agenda_published_at=None):
        for edition in PackEdition.values:
            with capture(execute=True):
                pack_request(meeting=meeting, edition=edition, actor=None)
            for supplement in meeting.supplements.all():
                with capture(execute=True):
                    pack_request(
                        meeting=meeting, edition=edition, actor=None, supplement=supplement
                    )


def candidates() -> Candidates:
    """The id of every object of the kinds planted, every slug, and the fields' choices."""
    found = Candidates()
    for model in PLANTED:
        found.ints |= set(model._default_manager.values_list("pk", flat=True))
    for model in apps.get_models():
        if model._meta.app_label in PROJECT_APPS and not model._meta.proxy:
            for model_field in model._meta.concrete_fields:
                if isinstance(model_field, models.SlugField):
                    found.slugs |= set(
                        model._default_manager.values_list(model_field.name, flat=True)
                    )
    found.slugs.discard("")
    found.add_choices()
    return found


def walk(client: Client, canaries: Canaries, fill: bool = True) -> tuple[Walk, float]:
    """A walk as the client's visitor; with fill, URL patterns are tried with every planted
    id and slug (without, only with values seen in links)."""
    started = time.monotonic()
    done = Walk(client, canaries, candidates() if fill else Candidates(), MAX_REQUESTS).run()
    return done, time.monotonic() - started


def leak_lines(done: Walk, who: str, counts: Callable[[Canary], bool]) -> list[str]:
    """One line per address: who read it, and the kinds of canary in it."""
    kinds: dict[str, set[str]] = defaultdict(set)
    for leak in done.leaks:
        if counts(leak.canary):
            kinds[leak.url].add(leak.canary.kind)
    return [f"{who} {url}: {', '.join(sorted(found))}" for url, found in sorted(kinds.items())]


def anything(canary: Canary) -> bool:
    return True


def not_for_this_member(canary: Canary) -> bool:
    """What a councillor on the public body but not on the private one must not read."""
    return canary.private_body or canary.withheld_from_members


@pytest.fixture
def _ids_as_on_a_new_database(db):
    """Every table's ids start again from its highest row, as on a new database. The walk fills
    each address with the ids of every planted record; after the rest of the suite the ids of
    different tables no longer overlap, and the walk would try several times more addresses."""
    from django.core.management.color import no_style
    from django.db import connection

    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
            cursor.execute(statement)


def test_nothing_private_reaches_the_public(
    _ids_as_on_a_new_database,
    councillor,
    partner_rep,
    settings,
    tmp_path,
    django_capture_on_commit_callbacks,
):
    settings.MEDIA_ROOT = tmp_path
    canaries = Canaries()
    sponsor = factories.officer(full_name="Director of Children's Services")
    world = plant_public(canaries, walker=councillor, sponsor=sponsor)
    request_packs(django_capture_on_commit_callbacks)

    cache.clear()
    # The public figures before: every page a visitor reaches by links from the home page and
    # from every URL pattern without parameters.
    before, before_seconds = walk(Client(raise_request_exception=False), canaries, fill=False)
    # The walk found the public pages by itself (or every comparison below would be empty).
    body_page = before.answers.get(reverse("panels:public_body", args=[world.body.slug]))
    assert body_page is not None and body_page.status == 200, "the public body page was not read"
    chair_row = f"| {world.chair.full_name} |"
    assert any(chair_row in line for line in body_page.figures), "no attendance figures read"
    assert reverse("api-v1:meetings") in before.answers, "the open data API was not read"
    # The public report carries what young people told us (the public view), so the private words
    # planted below are looked for where they would show.
    housing = Report.objects.get(item__title="Care leavers' housing")
    housing_pdf = before.answers.get(reverse("panels:report_pdf", args=[housing.pk]))
    assert housing_pdf is not None and housing_pdf.status == 200, "the public report was not read"
    assert "What children and young people have told us" in housing_pdf.text

    plant_private(canaries, world)
    request_packs(django_capture_on_commit_callbacks)
    cache.clear()  # pages cached by the first walk would hide what changed

    anonymous, anonymous_seconds = walk(Client(raise_request_exception=False), canaries)
    # Pages the first walk read and the second did not reach are read again, to compare.
    after: dict[str, Answer] = dict(anonymous.answers)
    again = Walk(Client(raise_request_exception=False), canaries, Candidates(), MAX_REQUESTS)
    after |= again.read_each(sorted(set(before.answers) - set(after))).answers

    member = Client(raise_request_exception=False)
    member.force_login(councillor)
    signed_in, member_seconds = walk(member, canaries)
    still = member.get("/account/")
    assert still.status_code == 200, "the walk signed the councillor out: its pages went unread"

    # A partner representative signs in but sits on no body here: they read the public pages
    # and their organisation's, and no canary at all.
    partner = Client(raise_request_exception=False)
    partner.force_login(partner_rep)
    verify_session(partner, partner_rep)
    as_partner, partner_seconds = walk(partner, canaries)
    still = partner.get("/account/")
    assert still.status_code == 200, "the walk signed the partner out: its pages went unread"

    summary = (
        f"walk before planting: {before.requests} requests in {before_seconds:.1f}s; "
        f"anonymous: {anonymous.requests} in {anonymous_seconds:.1f}s "
        f"(+{again.requests} read again); councillor: {signed_in.requests} in "
        f"{member_seconds:.1f}s; partner: {as_partner.requests} in {partner_seconds:.1f}s; "
        f"{len(canaries.planted)} canaries"
    )
    print(summary)
    problems = leak_lines(anonymous, "anonymous", anything)
    problems += leak_lines(again, "anonymous", anything)
    problems += leak_lines(signed_in, "councillor", not_for_this_member)
    problems += leak_lines(as_partner, "partner", anything)
    changes = figure_changes(before.answers, after)
    problems += [f"public figures changed on {change}" for change in changes]
    walks = (("anonymous", anonymous), ("councillor", signed_in), ("partner", as_partner))
    for name, done in (*walks, ("before", before)):
        problems += [f"{name} walk: {error}" for error in done.errors]
    assert not problems, summary + "\n" + "\n".join(problems)
