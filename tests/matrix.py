"""The permission matrix's vocabulary, shared by tests/test_permissions.py and each app's rows.

An app lists its URL names in tests/<app>/permissions.py as ROWS: dict[str, Row].
"""

from collections.abc import Callable
from dataclasses import dataclass, field

OK, REDIRECT, FORBIDDEN, NOT_ALLOWED, NOT_FOUND = 200, 302, 403, 405, 404
SIGN_IN = "sign-in"  # a redirect to the sign-in page


@dataclass(frozen=True)
class Row:
    anonymous: int | str
    councillor: int | str
    officer: int | str
    admin: int | str
    kwargs: Callable[[], dict[str, object]] | None = field(default=None)
    # A partner representative is refused by default: what the public gets where the public may
    # look, and 403 where the public is sent to sign in. A row names it where partners may use
    # the page (their organisation's pages, their own account).
    partner: int | str | None = None

    def expected(self, role: str) -> int | str:
        if role == "partner" and self.partner is None:
            return FORBIDDEN if self.anonymous == SIGN_IN else self.anonymous
        return getattr(self, role)


def everyone(status: int | str, **extra: object) -> Row:
    return Row(status, status, status, status, **extra)  # type: ignore[arg-type]  # extra holds Row's kwargs field


def signed_in(status: int | str) -> Row:
    """The council's people (councillors and staff); partner representatives are refused."""
    return Row(SIGN_IN, status, status, status)


def anyone_signed_in(status: int | str) -> Row:
    """Everyone who signs in, partner representatives too: pages about the person themself."""
    return Row(SIGN_IN, status, status, status, partner=status)


def admin_only() -> Row:
    return Row(SIGN_IN, FORBIDDEN, FORBIDDEN, OK)


# A Row's kwargs() runs inside the test, after the fixed users exist (councillor@example.org,
# officer@example.org, admin@example.org, partner@example.org of the NHS trust "Northfield NHS"): it may look them up and make the records the URL
# points at, e.g. lambda: {"pk": EngagementFactory(member__user=User.objects.get(email=...)).pk}.
