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

from corporate_parenting.models import SiteSettings
from offer.models import Measurement
from panels.minutes import clock
from panels.models import AgendaItem, Meeting, MemberRole
from panels.reports.models import (
    PackBuild,
    PackBuildStatus,
    PackEdition,
    Report,
    ReportAnnex,
    ReportSection,
)
from panels.reports.pdf import (
    Annex,
    ReportLayout,
    exempt_line,
    item_heading,
    item_number,
    render_with_annexes,
    report_layout,
)

if TYPE_CHECKING:
    from corporate_parenting.http import Visitor

logger = logging.getLogger(__name__)

# Change this whenever the templates or the stylesheet change what a pack looks like, so packs
# made before are made again.
LAYOUT_VERSION = "pack-2026-12"
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


# ---------------------------------------------------------------- what goes in


def pack_content_key(meeting: Meeting, edition: str) -> str:
    """A sha256 of everything the pack prints, so the same content is never rendered twice."""
    meeting = Meeting.objects.select_related("body__clerk").get(pk=meeting.pk)
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
        ],
        "body": [
            body.pk,
            body.name,
            body.is_public,
            body.numbering_style,
            body.minute_prefix,
            body.clerk.full_name if body.clerk else "",
            branding.contact_email,
        ],
        "members": list(
            body.memberships.order_by("pk").values_list("user_id", "user__full_name", "role")
        ),
        "items": list(
            meeting.items.order_by("position").values_list(
                "pk",
                "position",
                "kind",
                "title",
                "presenter",
                "is_urgent",
                "is_exempt",
                "exempt_paragraph",
            )
        ),
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
    }
    encoded = json.dumps(material, default=str, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(encoded.encode()).hexdigest()


@dataclass
class AgendaEntry:
    item: AgendaItem
    number: str
    heading: str
    layout: ReportLayout | None
    withheld: bool  # an exempt item in the public pack: its title only

    @property
    def anchor(self) -> str:
        return f"agenda-item-{self.item.pk}"

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
    representative by the role alone (Membership.public_name)."""
    members = sorted(
        meeting.body.memberships.select_related("user"),
        key=lambda m: (ROLE_ORDER.get(m.role, 99), m.user.full_name),
    )
    return [
        {
            "name": m.user.full_name if full else m.public_name,
            "role": "" if m.role == MemberRole.MEMBER else m.get_role_display(),
        }
        for m in members
    ]


def build_pack(meeting: Meeting, edition: str) -> tuple[bytes, int]:
    """The pack as a PDF, and its number of pages."""
    meeting = Meeting.objects.select_related("body__clerk").get(pk=meeting.pk)
    reports = {
        r.item_id: r
        for r in reports_in_pack(meeting, edition)
        .select_related("sponsor", "author", "item")
        .prefetch_related("sections", "annexes", "indicators")
    }
    entries: list[AgendaEntry] = []
    annexes: list[Annex] = []
    for item in meeting.items.order_by("position"):
        item.meeting = meeting
        withheld = edition == PackEdition.PUBLIC and not item.content_is_public
        report = None if withheld else reports.get(item.pk)
        layout = None
        if report is not None:
            report.item = item
            layout = report_layout(report, anchor=f"report-{report.pk}")
            annexes.extend(layout.annexes)
        entries.append(
            AgendaEntry(
                item=item,
                number=item_number(item),
                heading=item_heading(item),
                layout=layout,
                withheld=withheld,
            )
        )
    full = edition == PackEdition.FULL
    return render_with_annexes(
        "panels/pdf/pack.html",
        {
            "meeting": meeting,
            "body": meeting.body,
            "edition": edition,
            "is_full": full,
            "edition_label": "Full pack" if full else "Public pack",
            "entries": entries,
            "members": _members(meeting, full=full),
            "start_time": clock(meeting.start_time),
            "title": f"Agenda pack: {meeting.body.name}, {meeting.date:%-d %B %Y}",
        },
        annexes,
    )


def pack_filename(meeting: Meeting, edition: str) -> str:
    return f"agenda-pack-{meeting.body.slug}-{meeting.date:%Y-%m-%d}-{edition}.pdf"


# ---------------------------------------------------------------- builds


def pack_current(meeting: Meeting, edition: str) -> PackBuild | None:
    """The build of the pack as it stands now, if one was asked for."""
    key = pack_content_key(meeting, edition)
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
    *, meeting: Meeting, edition: str, actor: Visitor | None, retry: bool = True
) -> PackBuild:
    """Ask for the pack as it stands now. The same content is made once: a second request finds
    the first one's row. A failed (or abandoned) build is queued again when retry is allowed."""
    key = pack_content_key(meeting, edition)
    requested_by = actor if actor is not None and actor.is_authenticated else None
    build, created = PackBuild.objects.get_or_create(
        meeting=meeting, edition=edition, content_key=key, defaults={"requested_by": requested_by}
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
    with transaction.atomic():
        build = (
            PackBuild.objects.select_for_update()
            .select_related("meeting__body")
            .filter(pk=build_id)
            .first()
        )
        if build is None:
            return None
        claimable = build.status == PackBuildStatus.QUEUED or (
            build.status == PackBuildStatus.BUILDING and pack_is_stale(build)
        )
        if not claimable:
            return None
        build.status = PackBuildStatus.BUILDING
        build.started_at = timezone.now()
        build.save(update_fields=["status", "started_at", "updated_at"])
        return build


def _finish(build: PackBuild, **fields: object) -> None:
    """Record the outcome, unless another worker finished the same build first."""
    with transaction.atomic():
        current = PackBuild.objects.select_for_update().get(pk=build.pk)
        if current.status != PackBuildStatus.BUILDING or current.started_at != build.started_at:
            if build.file and build.file.name != current.file.name:
                build.file.delete(save=False)
            return
        for name, value in fields.items():
            setattr(current, name, value)
        current.file = build.file
        current.finished_at = timezone.now()
        current.save()


def pack_render(*, build_id: int) -> None:
    """Make the pack of one build row: claim it, render it, keep the file. Safe to run twice:
    a build that is ready, failed or being made elsewhere is left alone."""
    build = _claim(build_id)
    if build is None:
        return
    meeting, edition = build.meeting, build.edition
    started = time.perf_counter()
    error = PACK_FAILED
    try:
        if pack_content_key(meeting, edition) != build.content_key:
            error = PAPERS_CHANGED
            raise RuntimeError(f"The papers of agenda pack {build.pk} changed before it was made")
        pdf, pages = build_pack(meeting, edition)
        if pack_content_key(meeting, edition) != build.content_key:
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
    name = pack_filename(meeting, edition).replace(".pdf", f"-{build.content_key[:12]}.pdf")
    build.file.save(name, ContentFile(pdf), save=False)
    _finish(
        build,
        status=PackBuildStatus.READY,
        page_count=pages,
        render_ms=render_ms,
        error="",
    )
