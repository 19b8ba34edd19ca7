"""Who may open each page of the Children in Care Council's matters: members and officers read
them; council staff (the participation officer) enter and change them and show answered ones
publicly; the owner, or staff, records the response."""

from tests.matrix import FORBIDDEN, NOT_ALLOWED, OK, SIGN_IN, Row, signed_in


def matter():
    """A matter for a Board the fixed councillor sits on, owned by somebody else: they read it
    but may not answer it."""
    from corporate_parenting.models import User
    from tests.panels.factories import MembershipFactory
    from tests.voice.factories import MatterFactory

    made = MatterFactory()
    MembershipFactory(body=made.board, user=User.objects.get(email="councillor@example.org"))
    return {"pk": made.pk}


def answered_matter():
    from django.utils import timezone

    from tests.voice.factories import MatterFactory

    return {"pk": MatterFactory(response="We did it.", answered_at=timezone.now()).pk}


def _staff(kwargs=None):
    return Row(SIGN_IN, FORBIDDEN, OK, OK, kwargs=kwargs)


ROWS: dict[str, Row] = {
    "voice:matter_list": signed_in(OK),
    "voice:matter_create": _staff(),
    "voice:matter_detail": Row(SIGN_IN, OK, OK, OK, kwargs=matter),
    "voice:matter_edit": _staff(matter),
    "voice:matter_respond": _staff(matter),
    "voice:matter_show_publicly": Row(
        SIGN_IN, FORBIDDEN, NOT_ALLOWED, NOT_ALLOWED, kwargs=answered_matter
    ),
}
