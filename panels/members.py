"""How a body's members are listed to the public: in the order of their roles, with the names of
young people's representatives withheld (Membership.public_name). The public body page and the
annual report both list them through public_members."""

from __future__ import annotations

from panels.models import MemberRole, Membership

ROLE_ORDER = [
    MemberRole.CHAIR,
    MemberRole.VICE_CHAIR,
    MemberRole.MEMBER,
    MemberRole.CO_OPTED,
    MemberRole.YOUNG_PEOPLE,
]


def public_members(memberships: list[Membership]) -> list[dict[str, str]]:
    """Members in the order of their roles, names withheld for young people's representatives."""
    rows = sorted(
        memberships,
        key=lambda m: (
            ROLE_ORDER.index(MemberRole(m.role)) if m.role in ROLE_ORDER else 99,
            m.sort_name,
        ),
    )
    return [
        {
            "name": m.public_name,
            "role": m.role_label if m.is_role_only else m.get_role_display(),
        }
        for m in rows
    ]
