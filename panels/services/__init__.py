"""Every write to panel meetings. Each function is atomic and raises ValidationError (with field
keys where a form can show them) when the change is not allowed; nothing is half-saved.

By sub-domain: bodies (and members), meetings, agenda (and its publication), attendance (and
declarations), minutes (writing, approval, amendment), resolutions (actions and decisions),
actions (their updates); common holds the lock on approved minutes. This package re-exports them
so `from panels import services` keeps working for callers outside panels.
"""

from __future__ import annotations

from panels.services.actions import action_update_add
from panels.services.agenda import (
    NoticeCheck,
    agenda_item_add,
    agenda_item_move,
    agenda_item_remove,
    agenda_item_update,
    agenda_notice,
    agenda_publish,
)
from panels.services.attendance import PERSON_LINE_MAX, attendance_record, declaration_add
from panels.services.bodies import (
    BODY_FIELDS,
    body_create,
    body_update,
    members_of,
    membership_remove,
    membership_set,
    seats_of,
)
from panels.services.changes import meeting_cancel
from panels.services.common import LOCKED_MESSAGE, NOT_HELD_MESSAGE
from panels.services.meetings import MEETING_FIELDS, STANDARD_ITEMS, meeting_create, meeting_update
from panels.services.minutes import approval_text, minutes_amend, minutes_approve, minutes_item_save
from panels.services.programme import (
    planned_item_add,
    planned_item_drop,
    planned_item_update,
    planned_items_take,
    work_programme_publish,
)
from panels.services.resolutions import RESOLUTION_FIELDS, resolution_add, resolution_update
from panels.services.supplements import LatePapers, late_papers, supplement_publish

__all__ = [
    "BODY_FIELDS",
    "LOCKED_MESSAGE",
    "MEETING_FIELDS",
    "NOT_HELD_MESSAGE",
    "PERSON_LINE_MAX",
    "RESOLUTION_FIELDS",
    "STANDARD_ITEMS",
    "LatePapers",
    "NoticeCheck",
    "action_update_add",
    "agenda_item_add",
    "agenda_item_move",
    "agenda_item_remove",
    "agenda_item_update",
    "agenda_notice",
    "agenda_publish",
    "approval_text",
    "attendance_record",
    "body_create",
    "body_update",
    "declaration_add",
    "late_papers",
    "meeting_cancel",
    "meeting_create",
    "meeting_update",
    "members_of",
    "seats_of",
    "planned_item_add",
    "planned_item_drop",
    "planned_item_update",
    "planned_items_take",
    "membership_remove",
    "membership_set",
    "minutes_amend",
    "minutes_approve",
    "minutes_item_save",
    "resolution_add",
    "resolution_update",
    "supplement_publish",
    "work_programme_publish",
]
