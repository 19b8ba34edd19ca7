"""The agenda pack: front sheet, agenda with page numbers, then every report with its annexes.

A pack is made once for each version of its content. pack_content_key() hashes everything that
goes into it; a PackBuild row (unique per meeting, edition and key) holds the file. The page asks
for one with pack_request(); a Celery task (panels.tasks) calls pack_render(), which claims the
row and renders it with build_pack(). When anything in the pack changes, so does the key, and the
old file is simply no longer offered.

Two editions: the public pack holds only public reports (Report.objects.public()) and lists an
exempt item by its title alone; the full pack, for members and officers, holds every published
report, exempt ones marked NOT FOR PUBLICATION on each of their pages.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Count, Max, QuerySet
from django.utils import timezone
from weasyprint import Document

from corporate_parenting.builds import claim_build, finish_build
from corporate_parenting.models import SiteSettings
from corporate_parenting.pdf import render_document
from offer.models import Measurement
from panels.minutes import Minutes, build_minutes, clock, join_names, long_date, short_date
from panels.models import AgendaItem, ItemKind, Meeting, MemberRole, Resolution, Supplement
from panels.reports.models import (
    PackBuild,
    PackBuildStatus,
    PackEdition,
    Report,
    ReportAnnex,
    ReportSection,
)
from panels.reports.papers import Paper, papers_in_pack
from panels.reports.pdf import (
    Placed,
    ReportLayout,
    exempt_line,
    item_heading,
    item_number,
    render_with_annexes,
    report_layout,
)
from panels.reports.voice import report_voice, voice_printed
from partners.models import Pledge
from voice.matters import Matter

if TYPE_CHECKING:
    from corporate_parenting.http import Visitor

logger = logging.getLogger(__name__)

# Change this whenever the templates or the stylesheet change what a pack looks like, so packs
# made before are made again.
LAYOUT_VERSION = "pack-2026-12-council-matters"
# A build still "building" after this long lost its worker; the task's hard time limit.
PACK_TIME_LIMIT = 600
EDITIONS = tuple(PackEdition.values)
# What a failed build keeps as its error. Plain words only: what went wrong inside goes to the
# log (logger.exception), never to the row, which pages could show.
PACK_FAILED = "The pack could not be made."
PAPERS_CHANGED = "The papers changed while the pack was being made."
ROLE_ORDER = {role: index for index, role in enumerate(MemberRole.values)}


def reports_in_pack(meeting: Meeting, edition: str) -> QuerySet[Report]:
    reports = (
        Report.objects.public()
        if edition == PackEdition.PUBLIC
        else Report.objects.published_for_members()
    )
    return reports.filter(item__meeting=meeting)


def pack_readable_by(user: Visitor, meeting: Meeting, edition: str) -> bool:
    """Officers and admins: every pack. Members of the body: both packs once the agenda is
    published. Anyone: the public pack of a published agenda of a public body."""
    if edition not in EDITIONS:
        return False
    meetings = (
        Meeting.objects.papers_visible_to(user)
        if edition == PackEdition.PUBLIC
        else Meeting.objects.full_papers_visible_to(user)
    )
    return meetings.filter(pk=meeting.pk).exists()


def supplement_readable_by(user: Visitor, supplement: Supplement, edition: str) -> bool:
    """A supplement's full edition: whoever may read the meeting's full pack. Its public edition:
    anyone, once it holds a public paper (Supplement.objects.public)."""
    if edition == PackEdition.FULL:
        return pack_readable_by(user, supplement.meeting, edition)
    if edition != PackEdition.PUBLIC:
        return False
    return Supplement.objects.public().filter(pk=supplement.pk).exists()


# ---------------------------------------------------------------- what goes in


def _previous_minutes_state(meeting: Meeting, edition: str) -> list[object]:
    """What the previous meeting's minutes print, as far as the pack's key needs it: the last
    change to the meeting, its items, resolutions, attendance and declarations."""
    previous = previous_meeting(meeting, edition)
    if previous is None:
        return []
    if (
        edition != PackEdition.FULL
        and not Meeting.objects.with_public_minutes().filter(pk=previous.pk).exists()
    ):
        # The public pack prints only public minutes (_previous_minutes): until they are, the
        # drafting of them never makes it again.
        return [previous.pk, previous.date, "not public"]
    changed = [
        previous.items.aggregate(at=Max("updated_at"), count=Count("pk")),
        Resolution.objects.filter(item__meeting=previous).aggregate(
            at=Max("updated_at"), count=Count("pk")
        ),
        previous.attendance.aggregate(at=Max("updated_at"), count=Count("pk")),
        previous.declarations.aggregate(at=Max("updated_at"), count=Count("pk")),
    ]
    return [
        previous.pk,
        previous.status,
        previous.updated_at,
        previous.agenda_published_at,
        changed,
    ]


def pack_content_key(meeting: Meeting, edition: str, supplement: Supplement | None = None) -> str:
    """A sha256 of everything the pack prints, so the same content is never rendered twice."""
    meeting = Meeting.objects.select_related("body__clerk").get(pk=meeting.pk)
    full = edition == PackEdition.FULL
    body = meeting.body
    branding = SiteSettings.load()
    reports = list(
        reports_in_pack(meeting, edition)
        .order_by("pk")
        .values_list(
            "pk",
            "item_id",
            "version",
            "published_at",
            "updated_at",
            "sponsor__full_name",
            "author__full_name",
        )
    )
    report_ids = [row[0] for row in reports]
    indicator_ids = list(
        Report.indicators.through.objects.filter(report_id__in=report_ids)
        .order_by("report_id", "indicator_id")
        .values_list("report_id", "indicator_id", "indicator__updated_at")
    )
    measurements = Measurement.objects.filter(
        indicator_id__in={row[1] for row in indicator_ids}
    ).aggregate(count=Count("pk"), changed=Max("updated_at"))
    # What each report's "What children and young people have told us" prints: the public view
    # (panels.reports.voice), so what is not shown never makes a pack again.
    voice = [
        [report.pk, voice_printed(report_voice(report))]
        for report in Report.objects.filter(pk__in=report_ids, voice_year__isnull=False)
        .order_by("pk")
        .prefetch_related("voice_themes")
    ]
    material = {
        "layout": LAYOUT_VERSION,
        "edition": edition,
        "branding": [branding.council_name, branding.service_name, branding.contact_email],
        "meeting": [
            meeting.pk,
            meeting.date,
            meeting.start_time,
            meeting.venue,
            meeting.online_link,
            meeting.agenda_published_at,
            meeting.next_meeting_date,
            meeting.next_meeting_time,
        ],
        "body": [
            body.pk,
            body.name,
            body.is_public,
            body.kind,
            body.numbering_style,
            body.minute_prefix,
            body.clerk.full_name if body.clerk else "",
            branding.contact_email,
            body.quorum,
        ],
        "members": list(
            body.memberships.order_by("pk").values_list(
                "user_id", "user__full_name", "seat_name", "role"
            )
        ),
        "items": [
            # An exempt item's paper is not in the public pack: its upload never remakes it.
            row if full or not row[6] else (*row[:8], "", None)
            for row in meeting.items.order_by("position").values_list(
                "pk",
                "position",
                "kind",
                "title",
                "presenter",
                "is_urgent",
                "is_exempt",
                "exempt_paragraph",
                "report_file",
                "report_file_at",
                # Private work on an item (its minutes) never remakes the public pack.
                *(["updated_at"] if full else []),
            )
        ],
        # The reports the agenda says are to follow (the public pack: only those it announced).
        "to_follow": list(
            Report.objects.filter(item__meeting=meeting)
            .to_follow(public=not full)
            .order_by("pk")
            .values_list("pk", "item_id")
        ),
        "previous_minutes": _previous_minutes_state(meeting, edition),
        # The action log as the edition prints it (_action_log): the public one, public actions.
        "actions": list(
            Resolution.objects.carried_to(meeting)
            .filter(
                pk__in=(Resolution.objects.all() if full else Resolution.objects.public()).values(
                    "pk"
                )
            )
            .order_by("pk")
            .values_list("pk", "updated_at", "item__updated_at")
        ),
        # Both packs print the late pledges of the partners answering to the body.
        "pledges": list(
            Pledge.objects.standing_item(meeting).values_list("pk", "updated_at", "due_on")
        ),
        # The members' pack prints the young people's open matters (_council_matters).
        "matters": list(
            Matter.objects.before_board(meeting)
            .order_by("pk")
            .values_list("pk", "updated_at", "due_on")
        )
        if full
        else [],
        "supplement": [
            supplement.pk,
            supplement.number,
            supplement.reason,
            supplement.published_at,
            sorted(supplement.items.values_list("pk", flat=True)),
        ]
        if supplement is not None
        else None,
        "reports": reports,
        "sections": list(
            ReportSection.objects.filter(report_id__in=report_ids)
            .order_by("report_id", "position")
            .values_list("report_id", "position", "updated_at")
        ),
        "annexes": list(
            ReportAnnex.objects.filter(report_id__in=report_ids)
            .order_by("report_id", "position")
            .values_list("report_id", "pk", "position", "title", "sha256", "file", "size")
        ),
        "indicators": indicator_ids,
        "measurements": [measurements["count"], measurements["changed"]],
        "voice": voice,
    }
    encoded = json.dumps(material, default=str, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(encoded.encode()).hexdigest()


@dataclass
class PackMinutes:
    """The previous meeting's minutes, for approval: as drafted (full pack) or as published."""

    meeting: Meeting
    minutes: Minutes
    is_draft: bool

    @property
    def anchor(self) -> str:
        return f"minutes-{self.meeting.pk}"


@dataclass
class AgendaEntry:
    item: AgendaItem
    number: str
    heading: str
    layout: ReportLayout | None
    withheld: bool  # an exempt item in the public pack: its title only
    wording: str = ""
    paper: Paper | None = None
    minutes: PackMinutes | None = None
    actions: list[Resolution] | None = None
    # The members' pack only: the young people's matters open at the meeting, printed with the
    # action log as a standing item (Matter.objects.before_board).
    matters: list[Matter] | None = None
    # Both packs: the late pledges of the partners answering to the body, a standing item.
    pledges: list[Pledge] | None = None
    to_follow: bool = False
    # Set before the first exempt item: the resolution to exclude the press and public.
    exclusion: str = ""

    @property
    def anchor(self) -> str:
        return f"agenda-item-{self.item.pk}"

    @property
    def actions_anchor(self) -> str:
        return f"action-log-{self.item.pk}"

    @property
    def end_anchor(self) -> str:
        """Where its papers end: the last page of an uploaded paper, or a marker after them."""
        if self.paper is not None and self.paper.is_merged and self.layout is None:
            return self.paper.anchors[-1]
        return f"{self.anchor}-end"

    @property
    def start_anchor(self) -> str:
        """Where its papers start in the pack; '' when it has none."""
        if self.layout is not None:
            return self.layout.anchor
        if self.paper is not None:
            return self.paper.anchors[0] if self.paper.is_merged else self.paper.anchor
        if self.minutes is not None:
            return self.minutes.anchor
        if self.actions or self.matters:
            return self.actions_anchor
        return ""

    @property
    def known_single_page(self) -> bool:
        """One page, known before layout: an uploaded paper alone, of one page."""
        return self.layout is None and self.paper is not None and self.paper.page_count == 1

    @property
    def exempt_note(self) -> str:
        if not self.item.is_exempt:
            return ""
        if self.withheld:
            return (
                f"This item is exempt under paragraph {self.item.exempt_paragraph} of Schedule 12A "
                "and is not included in the public pack."
            )
        return f"{exempt_line(self.item)}. Not for publication."


def _members(meeting: Meeting, *, full: bool) -> list[dict[str, str]]:
    """The membership on the front sheet, in role order: the public pack names a young people's
    representative by the role alone (Membership.public_name); every edition names a role-only
    member by the role and a seat without an account by the seat (Membership.display_name)."""
    members = sorted(
        meeting.body.memberships.select_related("user"),
        key=lambda m: (ROLE_ORDER.get(m.role, 99), m.sort_name),
    )
    return [
        {
            "name": "" if m.is_role_only else m.display_name if full else m.public_name,
            "role": m.role_label
            if m.is_role_only
            else ""
            if m.role == MemberRole.MEMBER
            else m.get_role_display(),
        }
        for m in members
    ]


def previous_meeting(meeting: Meeting, edition: str) -> Meeting | None:
    """The body's meeting before this one: the minutes this meeting approves. The public pack
    knows only public meetings (Meeting.objects.public)."""
    meetings = Meeting.objects.all() if edition == PackEdition.FULL else Meeting.objects.public()
    return (
        meetings.filter(body=meeting.body, date__lt=meeting.date)
        .order_by("-date", "-start_time")
        .first()
    )


def exclusion_resolution(paragraphs: list[str]) -> str:
    """The resolution moved before the first exempt item, naming every paragraph that applies."""
    ordered = sorted(set(paragraphs), key=lambda p: (len(p), p))
    which = f"paragraph{'s' if len(ordered) > 1 else ''} {join_names(ordered)}"
    return (
        "To resolve that, under section 100A(4) of the Local Government Act 1972, the press and "
        "public be excluded from the meeting for the following items of business on the grounds "
        "that they involve the likely disclosure of exempt information as defined in "
        f"{which} of Part 1 of Schedule 12A to the Act."
    )


def standard_wording(item: AgendaItem, meeting: Meeting, previous: Meeting | None) -> str:
    """What the agenda says of a standard item, by its kind."""
    if item.kind == ItemKind.DECLARATIONS:
        return "To receive apologies for absence and declarations of interest."
    if item.kind == ItemKind.MINUTES:
        if previous is None:
            return "To approve the minutes of the last meeting."
        return f"To approve the minutes of the meeting held on {short_date(previous.date)}."
    if item.kind == ItemKind.ACTION_LOG:
        return "To review the actions from earlier meetings."
    if item.kind == ItemKind.NEXT_MEETING:
        if meeting.next_meeting_date is None:
            return "To note the date of the next meeting."
        at = f" at {clock(meeting.next_meeting_time)}" if meeting.next_meeting_time else ""
        return f"To note the date of the next meeting: {long_date(meeting.next_meeting_date)}{at}."
    return ""


def _previous_minutes(previous: Meeting | None, *, full: bool) -> PackMinutes | None:
    """The previous meeting's minutes as this edition may print them: the full pack as drafted
    (marked draft); the public pack only public minutes (Meeting.objects.with_public_minutes)."""
    if previous is None:
        return None
    meetings = Meeting.objects.all() if full else Meeting.objects.with_public_minutes()
    previous = meetings.filter(pk=previous.pk).for_minutes().first()
    if previous is None or not previous.minutes_started:
        return None
    carried = Resolution.objects.carried_to(previous).for_log()
    return PackMinutes(
        meeting=previous,
        minutes=build_minutes(previous, carried_actions=list(carried), public=not full),
        is_draft=not previous.minutes_are_approved,
    )


def _action_log(meeting: Meeting, *, full: bool) -> list[Resolution]:
    """The actions carried to this meeting; the public pack only public ones
    (Resolution.objects.public: of public items, in approved minutes, never draft ones)."""
    actions = Resolution.objects.carried_to(meeting).for_log()
    if not full:
        actions = actions.filter(pk__in=Resolution.objects.public().values("pk"))
    return list(actions.select_related("item__meeting__body"))


def _council_matters(meeting: Meeting) -> list[Matter]:
    """The matters the Children in Care Council (or the care leavers' forum) raised for this
    body that were open at the meeting: for members only, never in the public pack."""
    return list(Matter.objects.before_board(meeting).for_list())


def pack_entries(
    meeting: Meeting, edition: str, *, items: list[AgendaItem] | None = None
) -> list[AgendaEntry]:
    """The agenda's entries with what the pack prints for each, in agenda order; `items` (a
    supplement's) limits them to those items' papers."""
    full = edition == PackEdition.FULL
    reports = {
        r.item_id: r
        for r in reports_in_pack(meeting, edition)
        .select_related("sponsor", "author", "item")
        .prefetch_related("sections", "annexes", "indicators", "voice_themes")
    }
    agenda = list(meeting.items.order_by("position"))
    chosen = None if items is None else {item.pk for item in items}
    wanted = [item for item in agenda if chosen is None or item.pk in chosen]
    shown = [i for i in wanted if full or i.content_is_public]
    papers = papers_in_pack(shown)
    previous = previous_meeting(meeting, edition) if items is None else None
    # Papers to follow: the full pack, every commissioned report not yet published; the public
    # pack, those the agenda announced (commissioned before it was published).
    expected = set(
        Report.objects.filter(item__meeting=meeting)
        .to_follow(public=not full)
        .values_list("item_id", flat=True)
    )
    entries: list[AgendaEntry] = []
    for item in wanted:
        item.meeting = meeting
        withheld = not full and not item.content_is_public
        report = None if withheld else reports.get(item.pk)
        layout = None
        if report is not None:
            report.item = item
            layout = report_layout(report, anchor=f"report-{report.pk}")
        entry = AgendaEntry(
            item=item,
            number=item_number(item),
            heading=item_heading(item),
            layout=layout,
            withheld=withheld,
            wording=standard_wording(item, meeting, previous) if items is None else "",
            paper=None if withheld else papers.get(item.pk),
        )
        if items is None and not withheld:
            if item.kind == ItemKind.MINUTES and previous is not None:
                entry.minutes = _previous_minutes(previous, full=full)
                entry.to_follow = entry.minutes is None
            elif item.kind == ItemKind.ACTION_LOG:
                entry.actions = _action_log(meeting, full=full)
                entry.matters = _council_matters(meeting) if full else None
                entry.pledges = list(Pledge.objects.standing_item(meeting))
        if item.pk in expected and not withheld and layout is None and entry.paper is None:
            entry.to_follow = True
        entries.append(entry)
    exempt = [e for e in entries if e.item.is_exempt]
    if exempt:
        exempt[0].exclusion = exclusion_resolution([e.item.exempt_paragraph for e in exempt])
    return entries


def _page_of_anchors(document: Document) -> dict[str, int]:
    """The page each anchor starts on (an element that spans pages is an anchor on each)."""
    pages: dict[str, int] = {}
    for number, page in enumerate(document.pages, start=1):
        for anchor in page.anchors:
            pages.setdefault(anchor, number)
    return pages


def _single_pages(context: dict[str, object], entries: list[AgendaEntry]) -> set[str]:
    """The start anchors of the papers one page long, for the agenda to print one page number,
    not a range. An uploaded paper's length is known; the others' (minutes, action log, written
    reports) are found by laying them out alone first, each from a new page as in the pack (the
    pack's own layout takes each one the same number of pages), so the pack is laid out once."""
    single = {e.start_anchor for e in entries if e.known_single_page}
    laid_out = [e for e in entries if e.start_anchor and e.paper is None]
    if not laid_out:
        return single
    probe = render_document("panels/pdf/pack.html", {**context, "probe": True})
    pages = _page_of_anchors(probe)
    return single | {
        e.start_anchor
        for e in laid_out
        if e.start_anchor in pages and pages[e.start_anchor] == pages.get(e.end_anchor)
    }


def _public_notes(branding: SiteSettings, meeting: Meeting) -> list[tuple[str, str]]:
    """The standard notes for the public on the front sheet."""
    council = branding.council_name
    ask = f"e-mail {branding.contact_email}" if branding.contact_email else "contact the clerk"
    return [
        (
            "Attending the meeting",
            "The public are welcome to attend this meeting, except for any item of business "
            "taken in private, when the press and public will be asked to leave. Please arrive "
            "in good time: seating may be limited.",
        ),
        (
            "Filming and recording",
            "Anyone may film, photograph, record or report on the public parts of this meeting "
            "(Openness of Local Government Bodies Regulations 2014). Please tell the clerk "
            "before the meeting starts, and do not film or photograph young people, or members "
            "of the public who ask not to be filmed.",
        ),
        (
            "Accessibility",
            "If you need help to attend or to take part, for example step-free access, a "
            f"hearing loop or an interpreter, please {ask} before the meeting.",
        ),
        (
            "Papers in another format",
            f"{council} can provide these papers in another format, such as large print, easy "
            f"read, audio or another language: {ask}.",
        ),
    ]


def _supplement_of(supplement: Supplement | None) -> list[AgendaItem] | None:
    return None if supplement is None else list(supplement.items.all())


def build_pack(
    meeting: Meeting, edition: str, supplement: Supplement | None = None
) -> tuple[bytes, int]:
    """The pack (or one of its supplements) as a PDF, and its number of pages."""
    meeting = Meeting.objects.select_related("body__clerk").get(pk=meeting.pk)
    entries = pack_entries(meeting, edition, items=_supplement_of(supplement))
    placed: list[Placed] = []
    for entry in entries:
        if entry.layout is not None:
            placed.extend(entry.layout.annexes)
        if entry.paper is not None and entry.paper.is_merged:
            placed.append(entry.paper)
    full = edition == PackEdition.FULL
    branding = SiteSettings.load()
    published = meeting.agenda_published_at
    title = f"Agenda pack: {meeting.body.name}, {meeting.date:%-d %B %Y}"
    if supplement is not None:
        title = f"{supplement.label} to the agenda: {meeting.body.name}, {meeting.date:%-d %B %Y}"
        published = supplement.published_at
    context: dict[str, object] = {
        "meeting": meeting,
        "body": meeting.body,
        "edition": edition,
        "is_full": full,
        "edition_label": "Full pack" if full else "Public pack",
        "entries": entries,
        "members": _members(meeting, full=full),
        "start_time": clock(meeting.start_time),
        "despatched": short_date(timezone.localtime(published).date()) if published else "",
        "public_notes": _public_notes(branding, meeting),
        "supplement": supplement,
        "title": title,
    }
    context["single_page"] = _single_pages(context, entries)
    return render_with_annexes(
        "panels/pdf/pack.html",
        context,
        placed,
        bookmark_order=["Agenda", *(e.heading for e in entries)],
    )


def pack_filename(meeting: Meeting, edition: str, supplement: Supplement | None = None) -> str:
    kind = f"supplement-{supplement.number}" if supplement is not None else "agenda-pack"
    return f"{kind}-{meeting.body.slug}-{meeting.date:%Y-%m-%d}-{edition}.pdf"


# ---------------------------------------------------------------- builds


def pack_current(
    meeting: Meeting, edition: str, supplement: Supplement | None = None
) -> PackBuild | None:
    """The build of the pack (or a supplement) as it stands now, if one was asked for."""
    key = pack_content_key(meeting, edition, supplement)
    return PackBuild.objects.filter(meeting=meeting, edition=edition, content_key=key).first()


def pack_is_stale(build: PackBuild) -> bool:
    """Being made for longer than any worker may take: its worker died."""
    started = build.started_at or build.created_at
    return build.status in (PackBuildStatus.QUEUED, PackBuildStatus.BUILDING) and (
        started < timezone.now() - timedelta(seconds=PACK_TIME_LIMIT + 60)
    )


def _queue(build_id: int) -> None:
    from panels.tasks import build_pack_task

    transaction.on_commit(lambda: build_pack_task.delay(build_id))


@transaction.atomic
def pack_request(
    *,
    meeting: Meeting,
    edition: str,
    actor: Visitor | None,
    retry: bool = True,
    supplement: Supplement | None = None,
) -> PackBuild:
    """Ask for the pack (or a supplement) as it stands now. The same content is made once: a
    second request finds the first one's row. A failed (or abandoned) build is queued again when
    retry is allowed."""
    key = pack_content_key(meeting, edition, supplement)
    requested_by = actor if actor is not None and actor.is_authenticated else None
    build, created = PackBuild.objects.get_or_create(
        meeting=meeting,
        edition=edition,
        content_key=key,
        defaults={"requested_by": requested_by, "supplement": supplement},
    )
    if created:
        _queue(build.pk)
        return build
    build = PackBuild.objects.select_for_update().get(pk=build.pk)
    if retry and (build.status == PackBuildStatus.FAILED or pack_is_stale(build)):
        build.status = PackBuildStatus.QUEUED
        build.error = ""
        build.started_at = None
        build.finished_at = None
        build.requested_by = requested_by
        build.save(
            update_fields=[
                "status",
                "error",
                "started_at",
                "finished_at",
                "requested_by",
                "updated_at",
            ]
        )
        _queue(build.pk)
    return build


def _claim(build_id: int) -> PackBuild | None:
    queryset = PackBuild.objects.select_related("meeting__body", "supplement")
    return claim_build(queryset, build_id, is_stale=pack_is_stale)


def _finish(build: PackBuild, **fields: object) -> None:
    """Record the outcome, unless another worker finished the same build first."""
    finish_build(build, **fields)


def pack_render(*, build_id: int) -> None:
    """Make the pack of one build row: claim it, render it, keep the file. Safe to run twice:
    a build that is ready, failed or being made elsewhere is left alone."""
    build = _claim(build_id)
    if build is None:
        return
    meeting, edition, supplement = build.meeting, build.edition, build.supplement
    started = time.perf_counter()
    error = PACK_FAILED
    try:
        if pack_content_key(meeting, edition, supplement) != build.content_key:
            error = PAPERS_CHANGED
            raise RuntimeError(f"The papers of agenda pack {build.pk} changed before it was made")
        pdf, pages = build_pack(meeting, edition, supplement)
        if pack_content_key(meeting, edition, supplement) != build.content_key:
            error = PAPERS_CHANGED
            raise RuntimeError(f"The papers of agenda pack {build.pk} changed while it was made")
    except Exception:
        logger.exception("Agenda pack %s (%s) could not be made", build.pk, edition)
        _finish(
            build,
            status=PackBuildStatus.FAILED,
            error=error,
            render_ms=round((time.perf_counter() - started) * 1000),
        )
        return
    render_ms = round((time.perf_counter() - started) * 1000)
    name = pack_filename(meeting, edition, supplement).replace(
        ".pdf", f"-{build.content_key[:12]}.pdf"
    )
    build.file.save(name, ContentFile(pdf), save=False)
    _finish(
        build,
        status=PackBuildStatus.READY,
        page_count=pages,
        render_ms=render_ms,
        error="",
    )
