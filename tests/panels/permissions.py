"""Who may open each panels page. Councillor rows use a body the fixed councillor sits on."""

from django.core.files.base import ContentFile
from django.utils import timezone

from corporate_parenting.models import User
from tests.matrix import (
    FORBIDDEN,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    SIGN_IN,
    Row,
    anyone_signed_in,
    everyone,
)


def _body(public: bool = False):
    from tests.panels.factories import BodyFactory, MembershipFactory

    body = BodyFactory(is_public=public)
    MembershipFactory(body=body, user=User.objects.get(email="councillor@example.org"))
    return body


def _meeting(*, status: str = "scheduled", public: bool = False):
    from tests.panels.factories import AgendaItemFactory, MeetingFactory

    meeting = MeetingFactory(
        body=_body(public),
        status=status,
        agenda_published_at=None if status == "scheduled" else timezone.now(),
    )
    AgendaItemFactory(meeting=meeting, position=1, title="Minutes")
    return meeting


def _item(**kwargs):
    return _meeting(**kwargs).items.get()


def _action():
    from tests.panels.factories import ActionFactory

    return ActionFactory(item=_item(status="minutes_draft"))


def _report_item():
    item = _item(status="agenda_published", public=True)
    item.report_file.save("report.pdf", ContentFile(b"%PDF-1.4 report"), save=True)
    return item


def _resolution():
    from tests.panels.factories import ActionFactory

    return ActionFactory(item=_item(status="minutes_draft"), is_action=False, owner=None, status="")


def clerks(status: int | str = OK) -> Row:
    return Row(SIGN_IN, FORBIDDEN, status, status)


def meeting(**kw):
    return lambda: {"pk": _meeting(**kw).pk}


def item(**kw):
    return lambda: {"pk": _item(**kw).pk}


def body():
    return lambda: {"slug": _body().slug}


def _planned():
    from panels import services

    return services.planned_item_add(
        actor=User.objects.get(email="officer@example.org"),
        body=_body(public=True),
        title="Sufficiency strategy",
        month=timezone.localdate().replace(day=1),
    )


def _published_programme_body():
    body = _body(public=True)
    body.work_programme_published_at = timezone.now()
    body.save(update_fields=["work_programme_published_at"])
    return {"slug": body.slug}


ROWS: dict[str, Row] = {
    "panels:meeting_list": anyone_signed_in(OK),  # a partner: the meetings of their bodies
    "panels:meeting_create": clerks(),
    "panels:meeting_detail": Row(SIGN_IN, OK, OK, OK, kwargs=meeting(), partner=NOT_FOUND),
    "panels:meeting_edit": Row(SIGN_IN, FORBIDDEN, OK, OK, kwargs=meeting()),
    "panels:meeting_cancel": Row(SIGN_IN, FORBIDDEN, OK, OK, kwargs=meeting()),
    "panels:item_add": Row(SIGN_IN, FORBIDDEN, OK, OK, kwargs=meeting()),
    "panels:agenda_publish": Row(SIGN_IN, FORBIDDEN, OK, OK, kwargs=meeting()),
    "panels:supplement_new": Row(
        SIGN_IN, FORBIDDEN, OK, OK, kwargs=meeting(status="agenda_published")
    ),
    "panels:attendance": Row(SIGN_IN, FORBIDDEN, OK, OK, kwargs=meeting(status="held")),
    "panels:declaration_add": Row(SIGN_IN, OK, OK, OK, kwargs=meeting(), partner=NOT_FOUND),
    "panels:minutes_approve": Row(
        SIGN_IN, FORBIDDEN, OK, OK, kwargs=meeting(status="minutes_draft")
    ),
    "panels:minutes_pdf": everyone(OK, kwargs=meeting(status="minutes_approved", public=True)),
    "panels:item_edit": Row(SIGN_IN, FORBIDDEN, OK, OK, kwargs=item()),
    "panels:item_remove": Row(SIGN_IN, FORBIDDEN, OK, OK, kwargs=item()),
    # Moving is a POST from the meeting page; a GET is refused.
    "panels:item_move": Row(SIGN_IN, FORBIDDEN, NOT_ALLOWED, NOT_ALLOWED, kwargs=item()),
    "panels:report_download": everyone(OK, kwargs=lambda: {"pk": _report_item().pk}),
    "panels:minutes_item": Row(SIGN_IN, FORBIDDEN, OK, OK, kwargs=item(status="held")),
    "panels:resolution_add": Row(SIGN_IN, FORBIDDEN, OK, OK, kwargs=item(status="held")),
    "panels:minutes_amend": Row(SIGN_IN, FORBIDDEN, OK, OK, kwargs=item(status="minutes_approved")),
    "panels:resolution_edit": Row(
        SIGN_IN, FORBIDDEN, OK, OK, kwargs=lambda: {"pk": _resolution().pk}
    ),
    "panels:action_list": anyone_signed_in(OK),
    "panels:my_actions": anyone_signed_in(OK),
    "panels:action_detail": Row(
        SIGN_IN, OK, OK, OK, kwargs=lambda: {"pk": _action().pk}, partner=NOT_FOUND
    ),
    "panels:body_list": anyone_signed_in(OK),
    "panels:body_detail": Row(SIGN_IN, OK, OK, OK, kwargs=body(), partner=NOT_FOUND),
    "panels:body_create": Row(SIGN_IN, FORBIDDEN, FORBIDDEN, OK),
    "panels:body_edit": Row(SIGN_IN, FORBIDDEN, FORBIDDEN, OK, kwargs=body()),
    "panels:membership_add": Row(SIGN_IN, FORBIDDEN, FORBIDDEN, OK, kwargs=body()),
    "panels:membership_remove": Row(
        SIGN_IN, FORBIDDEN, FORBIDDEN, OK, kwargs=lambda: {"pk": _body().memberships.get().pk}
    ),
    "panels:body_register": Row(SIGN_IN, OK, OK, OK, kwargs=body(), partner=NOT_FOUND),
    "panels:body_attendance": Row(SIGN_IN, OK, OK, OK, kwargs=body(), partner=NOT_FOUND),
    "panels:work_programme": Row(SIGN_IN, FORBIDDEN, OK, OK, kwargs=body()),
    "panels:planned_item_add": Row(SIGN_IN, FORBIDDEN, OK, OK, kwargs=body()),
    "panels:work_programme_publish": Row(
        SIGN_IN, FORBIDDEN, OK, OK, kwargs=lambda: {"slug": _body(public=True).slug}
    ),
    "panels:planned_item_edit": Row(
        SIGN_IN, FORBIDDEN, OK, OK, kwargs=lambda: {"pk": _planned().pk}
    ),
    "panels:planned_item_drop": Row(
        SIGN_IN, FORBIDDEN, OK, OK, kwargs=lambda: {"pk": _planned().pk}
    ),
    "panels:meeting_planned_items": Row(SIGN_IN, FORBIDDEN, OK, OK, kwargs=meeting()),
    "panels:public_work_programme": everyone(OK, kwargs=_published_programme_body),
    "panels:public_index": everyone(OK),
    "panels:public_meeting": everyone(OK, kwargs=meeting(status="agenda_published", public=True)),
}
