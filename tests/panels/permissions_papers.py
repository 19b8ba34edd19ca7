"""Who may open each report page. The fixed officer writes the report; the fixed admin is its
sponsor, so each row also shows that nobody else can take the author's or sponsor's step."""

import datetime
import io

from django.core.files.base import ContentFile
from django.utils import timezone
from pypdf import PdfWriter

from corporate_parenting.models import User
from tests.matrix import FORBIDDEN, NOT_ALLOWED, NOT_FOUND, OK, SIGN_IN, Row, everyone


def _report(status: str = "draft", *, public: bool = False):
    from panels.reports.models import Report
    from tests.panels.factories import AgendaItemFactory, BodyFactory, MeetingFactory

    published = status == "published"
    meeting = MeetingFactory(
        body=BodyFactory(is_public=public),
        date=timezone.localdate() + datetime.timedelta(days=20),
        agenda_published_at=timezone.now() if published else None,
    )
    item = AgendaItemFactory(meeting=meeting, title="Housing")
    return Report.objects.create(
        item=item,
        title="Housing protocol",
        author=User.objects.get(email="officer@example.org"),
        sponsor=User.objects.get(email="admin@example.org"),
        status=status,
        published_at=timezone.now() if published else None,
    )


def _annex():
    from panels.reports.models import ReportAnnex

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    annex = ReportAnnex(report=_report("published", public=True), position=1, title="Annex")
    annex.file.save("annex.pdf", ContentFile(out.getvalue()), save=True)
    return annex


def report(status: str = "draft"):
    return lambda: {"pk": _report(status).pk}


ROWS: dict[str, Row] = {
    "panels:report_list": Row(SIGN_IN, FORBIDDEN, OK, OK),
    "panels:report_create": Row(
        SIGN_IN,
        FORBIDDEN,
        OK,
        OK,
        kwargs=lambda: {
            "pk": _report().item.meeting.items.create(position=9, title="Fostering").pk
        },
    ),
    # A councillor who does not sit on the body never sees a draft.
    "panels:report_detail": Row(SIGN_IN, NOT_FOUND, OK, OK, kwargs=report(), partner=NOT_FOUND),
    "panels:report_edit": Row(SIGN_IN, FORBIDDEN, OK, FORBIDDEN, kwargs=report()),
    "panels:report_submit": Row(SIGN_IN, FORBIDDEN, NOT_ALLOWED, NOT_ALLOWED, kwargs=report()),
    "panels:report_review": Row(SIGN_IN, FORBIDDEN, FORBIDDEN, OK, kwargs=report("submitted")),
    "panels:report_publish": Row(
        SIGN_IN, FORBIDDEN, NOT_ALLOWED, NOT_ALLOWED, kwargs=report("approved")
    ),
    "panels:report_history": Row(SIGN_IN, FORBIDDEN, OK, OK, kwargs=report()),
    "panels:annex_add": Row(SIGN_IN, FORBIDDEN, OK, FORBIDDEN, kwargs=report()),
    "panels:annex_download": everyone(OK, kwargs=lambda: {"pk": _annex().pk}),
    "panels:annex_remove": Row(
        SIGN_IN, FORBIDDEN, NOT_ALLOWED, NOT_ALLOWED, kwargs=lambda: {"pk": _annex().pk}
    ),
}
