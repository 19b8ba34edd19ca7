"""The report PDF, and the agenda pack page and download. Who may read what is decided in
panels.reports.pack.pack_readable_by and Report.objects.visible_to; a GET never renders a pack."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from corporate_parenting.pdf import pdf_bytes_response
from corporate_parenting.storage import stored_file_response
from panels.models import Meeting, Supplement
from panels.reports.models import PackBuild, PackBuildStatus, PackEdition, Report
from panels.reports.pack import (
    PAPERS_CHANGED,
    pack_content_key,
    pack_filename,
    pack_is_stale,
    pack_readable_by,
    pack_request,
    supplement_readable_by,
)
from panels.reports.pdf import report_filename, report_pdf_cached

EDITION_NAMES = {PackEdition.PUBLIC: "Public agenda pack", PackEdition.FULL: "Full agenda pack"}
# The progress page reloads itself only for this long; after that the person refreshes by hand.
AUTO_REFRESH_SECONDS = 120


@require_GET
def report_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(Report.objects.visible_to(request.user).for_page().distinct(), pk=pk)
    return pdf_bytes_response(report_pdf_cached(report), filename=report_filename(report))


def _meeting_for_pack(request: HttpRequest, pk: int, edition: str) -> Meeting:
    if edition not in EDITION_NAMES:
        raise Http404("No such pack")
    meeting = get_object_or_404(Meeting.objects.select_related("body"), pk=pk)
    if not pack_readable_by(request.user, meeting, edition):
        raise Http404("No such pack")
    return meeting


def _other_editions(
    request: HttpRequest, meeting: Meeting, edition: str, supplement: Supplement | None
) -> list[dict]:
    if supplement is not None:
        return [
            {
                "name": f"{supplement.label}: {name.lower()}",
                "url": reverse(
                    "panels:supplement_pack", args=[meeting.pk, supplement.number, other]
                ),
            }
            for other, name in EDITION_NAMES.items()
            if other != edition and supplement_readable_by(request.user, supplement, other)
        ]
    return [
        {"name": name, "url": reverse("panels:pack", args=[meeting.pk, other])}
        for other, name in EDITION_NAMES.items()
        if other != edition and pack_readable_by(request.user, meeting, other)
    ]


def _pack_page(
    request: HttpRequest, meeting: Meeting, edition: str, supplement: Supplement | None = None
) -> HttpResponse:
    """The page of a pack (or of a supplement): ask for it (POST), see how it is going, and
    download it once made."""
    if supplement is None:
        pack_url = reverse("panels:pack", args=[meeting.pk, edition])
        download_url = reverse("panels:pack_download", args=[meeting.pk, edition])
    else:
        pack_url = reverse("panels:supplement_pack", args=[meeting.pk, supplement.number, edition])
        download_url = reverse(
            "panels:supplement_download", args=[meeting.pk, supplement.number, edition]
        )
    if request.method == "POST":
        requested = pack_request(
            meeting=meeting,
            edition=edition,
            actor=request.user,
            retry=request.user.is_authenticated,
            supplement=supplement,
        )
        if requested.status == PackBuildStatus.FAILED:
            messages.error(request, "The pack could not be made")
        return redirect(pack_url)

    key = pack_content_key(meeting, edition, supplement)
    build: PackBuild | None = meeting.packs.filter(edition=edition, content_key=key).first()
    state = "none"
    if build is not None:
        state = build.status
        if pack_is_stale(build):
            state = "stale"
    waiting = state in (PackBuildStatus.QUEUED, PackBuildStatus.BUILDING)
    auto_refresh = False
    if waiting and build is not None:
        since = build.started_at or build.created_at
        auto_refresh = (timezone.now() - since).total_seconds() < AUTO_REFRESH_SECONDS
    name = EDITION_NAMES[PackEdition(edition)]
    if supplement is not None:
        name = f"{supplement.label}: {name.lower()}"
    return render(
        request,
        "panels/pack.html",
        {
            "meeting": meeting,
            "supplement": supplement,
            "edition": edition,
            "edition_name": name,
            "is_full": edition == PackEdition.FULL,
            "build": build,
            "state": state,
            "waiting": waiting,
            # A failed build's stored error is never shown: only whether the papers changed.
            "papers_changed": build is not None and build.error == PAPERS_CHANGED,
            "auto_refresh": auto_refresh,
            "can_retry": request.user.is_authenticated,
            "pack_url": pack_url,
            "download_url": download_url,
            "other_editions": _other_editions(request, meeting, edition, supplement),
            "back_url": meeting.get_absolute_url()
            if Meeting.objects.visible_to(request.user).filter(pk=meeting.pk).exists()
            else reverse("panels:public_meeting", args=[meeting.pk]),
        },
    )


def _download(
    request: HttpRequest, meeting: Meeting, edition: str, supplement: Supplement | None = None
) -> FileResponse:
    key = pack_content_key(meeting, edition, supplement)
    build = meeting.packs.ready().filter(edition=edition, content_key=key).first()
    if build is None or not build.file:
        raise Http404("The pack has not been made yet")
    response = stored_file_response(
        build.file.open("rb"),
        as_attachment=False,
        content_type="application/pdf",
        filename=pack_filename(meeting, edition, supplement),
    )
    if edition == PackEdition.FULL:
        response["Cache-Control"] = "private, no-store"
    return response


@require_http_methods(["GET", "POST"])
def pack(request: HttpRequest, pk: int, edition: str) -> HttpResponse:
    return _pack_page(request, _meeting_for_pack(request, pk, edition), edition)


@require_GET
def pack_download(request: HttpRequest, pk: int, edition: str) -> FileResponse:
    return _download(request, _meeting_for_pack(request, pk, edition), edition)


def _supplement_for(request: HttpRequest, pk: int, number: int, edition: str) -> Supplement:
    if edition not in EDITION_NAMES:
        raise Http404("No such pack")
    supplement = get_object_or_404(
        Supplement.objects.select_related("meeting__body"), meeting_id=pk, number=number
    )
    if not supplement_readable_by(request.user, supplement, edition):
        raise Http404("No such pack")
    return supplement


@require_http_methods(["GET", "POST"])
def supplement_pack(request: HttpRequest, pk: int, number: int, edition: str) -> HttpResponse:
    supplement = _supplement_for(request, pk, number, edition)
    return _pack_page(request, supplement.meeting, edition, supplement)


@require_GET
def supplement_download(request: HttpRequest, pk: int, number: int, edition: str) -> FileResponse:
    supplement = _supplement_for(request, pk, number, edition)
    return _download(request, supplement.meeting, edition, supplement)
