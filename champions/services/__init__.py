"""Every write to champions, by what it is about. Import from here: `services.engagement_log`."""

from champions.services.engagements import (
    ENGAGEMENT_FIELDS,
    engagement_delete_draft,
    engagement_draft_from_event,
    engagement_log,
    engagement_respond,
    engagement_update,
)
from champions.services.people import (
    AREA_FIELDS,
    MEMBER_FIELDS,
    appointment_create,
    appointment_end,
    area_create,
    area_update,
    champion_settings_update,
    link_officer_add,
    link_officer_remove,
    member_ensure,
    member_target_set,
    member_update,
    report_people_set,
)
from champions.services.plans import (
    plan_item_add,
    plan_item_delete,
    plan_item_tick,
    plan_item_update,
)

__all__ = [
    "AREA_FIELDS",
    "ENGAGEMENT_FIELDS",
    "MEMBER_FIELDS",
    "appointment_create",
    "appointment_end",
    "area_create",
    "area_update",
    "champion_settings_update",
    "engagement_delete_draft",
    "engagement_draft_from_event",
    "engagement_log",
    "engagement_respond",
    "engagement_update",
    "link_officer_add",
    "link_officer_remove",
    "member_ensure",
    "member_target_set",
    "member_update",
    "plan_item_add",
    "plan_item_delete",
    "plan_item_tick",
    "plan_item_update",
    "report_people_set",
]
