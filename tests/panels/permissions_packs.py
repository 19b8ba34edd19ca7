"""Who may open the report PDF and the agenda packs (tests/test_permissions.py reads ROWS).

Each row is for the public edition of a published agenda of a public body, which anyone may read;
the full edition, private bodies and unpublished agendas are in tests/panels/test_pack.py."""

from tests.matrix import OK, Row, everyone


def _meeting():
    from tests.bench.pack import build_pack_meeting

    return build_pack_meeting(reports=1, sections=1, indicators=0, slug="matrix-pack")


def _report() -> dict[str, object]:
    meeting = _meeting()
    return {"pk": meeting.items.get(title="Item of business 1").written_report.pk}


def _pack() -> dict[str, object]:
    return {"pk": _meeting().pk, "edition": "public"}


def _made_pack() -> dict[str, object]:
    """A pack already made for the meeting as it stands, so the download has a file to send."""
    from django.core.files.base import ContentFile

    from panels.reports.models import PackBuild
    from panels.reports.pack import pack_content_key

    meeting = _meeting()
    build = PackBuild(
        meeting=meeting,
        edition="public",
        content_key=pack_content_key(meeting, "public"),
        status="ready",
        page_count=1,
    )
    build.file.save("matrix-pack.pdf", ContentFile(b"%PDF-1.7\n%%EOF\n"), save=False)
    build.save()
    return {"pk": meeting.pk, "edition": "public"}


def _supplement():
    """Supplement 1 of the meeting: a report file uploaded after the agenda, published late."""
    from django.core.files.base import ContentFile
    from django.utils import timezone

    from panels.models import AgendaItem, Supplement

    meeting = _meeting()
    item = AgendaItem.objects.get(meeting=meeting, title="Item of business 1")
    item.report_file.save("late.pdf", ContentFile(b"%PDF-1.4 late"), save=False)
    item.report_file_at = timezone.now()
    item.save()
    supplement = Supplement.objects.create(
        meeting=meeting, number=1, reason="The figures came late", published_at=timezone.now()
    )
    supplement.items.set([item])
    return supplement


def _supplement_pack() -> dict[str, object]:
    return {"pk": _supplement().meeting_id, "number": 1, "edition": "public"}


def _made_supplement() -> dict[str, object]:
    from django.core.files.base import ContentFile

    from panels.reports.models import PackBuild
    from panels.reports.pack import pack_content_key

    supplement = _supplement()
    build = PackBuild(
        meeting=supplement.meeting,
        supplement=supplement,
        edition="public",
        content_key=pack_content_key(supplement.meeting, "public", supplement),
        status="ready",
        page_count=1,
    )
    build.file.save("matrix-supplement.pdf", ContentFile(b"%PDF-1.7\n%%EOF\n"), save=False)
    build.save()
    return {"pk": supplement.meeting_id, "number": 1, "edition": "public"}


ROWS: dict[str, Row] = {
    "panels:report_pdf": everyone(OK, kwargs=_report),
    "panels:pack": everyone(OK, kwargs=_pack),
    "panels:pack_download": everyone(OK, kwargs=_made_pack),
    "panels:supplement_pack": everyone(OK, kwargs=_supplement_pack),
    "panels:supplement_download": everyone(OK, kwargs=_made_supplement),
}
