"""Who may open the people pages, the invitation link and the account page."""

from corporate_parenting.models import Role, User
from tests.matrix import (
    FORBIDDEN,
    NOT_ALLOWED,
    OK,
    SIGN_IN,
    Row,
    admin_only,
    anyone_signed_in,
)

# The link's holder has no account yet; a signed-in person is asked to sign out first.
ALREADY_SIGNED_IN = 409


def _person() -> dict[str, object]:
    from tests import factories

    return {"pk": factories.councillor(email="person.in.matrix@example.org").pk}


def _duty() -> dict[str, object]:
    return {**_person(), "kind": "clerk"}


def _invitation() -> dict[str, object]:
    from corporate_parenting.people.services import invitation_create

    issued = invitation_create(
        actor=User.objects.get(email="admin@example.org"),
        email="invited.in.matrix@example.org",
        full_name="Invited In Matrix",
        roles=[Role.OFFICER],
    )
    return {"token": issued.token}


def _admin_post_only() -> Row:
    return Row(SIGN_IN, FORBIDDEN, FORBIDDEN, NOT_ALLOWED, kwargs=_person)


ROWS: dict[str, Row] = {
    "people:list": admin_only(),
    "people:invite": admin_only(),
    "people:detail": Row(SIGN_IN, FORBIDDEN, FORBIDDEN, OK, kwargs=_person),
    "people:roles": Row(SIGN_IN, FORBIDDEN, FORBIDDEN, OK, kwargs=_person),
    "people:name": Row(SIGN_IN, FORBIDDEN, FORBIDDEN, OK, kwargs=_person),
    "people:duties": Row(SIGN_IN, FORBIDDEN, FORBIDDEN, OK, kwargs=_person),
    "people:deactivate": Row(SIGN_IN, FORBIDDEN, FORBIDDEN, OK, kwargs=_person),
    "people:reactivate": Row(SIGN_IN, FORBIDDEN, FORBIDDEN, OK, kwargs=_person),
    # Buttons on the person's page: POST only.
    "people:duty_revoke": Row(SIGN_IN, FORBIDDEN, FORBIDDEN, NOT_ALLOWED, kwargs=_duty),
    "people:invitation_resend": _admin_post_only(),
    "people:invitation_cancel": _admin_post_only(),
    "people:invitation_accept": Row(
        OK,
        ALREADY_SIGNED_IN,
        ALREADY_SIGNED_IN,
        ALREADY_SIGNED_IN,
        kwargs=_invitation,
        partner=ALREADY_SIGNED_IN,
    ),
    "people:account": anyone_signed_in(OK),
    "people:account_name": anyone_signed_in(OK),
}
