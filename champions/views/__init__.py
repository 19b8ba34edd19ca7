"""Champion pages, by what they hold. Thin: a scoped queryset, a form, one service call, a
message, a redirect. URL names are in champions/urls.py."""

from champions.views.areas import (
    appointment_create,
    appointment_end,
    area_create,
    area_detail,
    area_edit,
    area_list,
    link_officer_add,
    link_officer_remove,
)
from champions.views.coverage import coverage
from champions.views.engagements import (
    engagement_create,
    engagement_delete,
    engagement_detail,
    engagement_edit,
    engagement_list,
    engagement_respond,
)
from champions.views.members import (
    champion_settings,
    member_edit,
    member_list,
    member_target,
    my_role,
)
from champions.views.plans import plan, plan_item_delete, plan_item_edit, plan_item_tick
from champions.views.report import report, report_pdf, report_people

__all__ = [
    "appointment_create",
    "appointment_end",
    "area_create",
    "area_detail",
    "area_edit",
    "area_list",
    "champion_settings",
    "coverage",
    "engagement_create",
    "engagement_delete",
    "engagement_detail",
    "engagement_edit",
    "engagement_list",
    "engagement_respond",
    "link_officer_add",
    "link_officer_remove",
    "member_edit",
    "member_list",
    "member_target",
    "my_role",
    "plan",
    "plan_item_delete",
    "plan_item_edit",
    "plan_item_tick",
    "report",
    "report_pdf",
    "report_people",
]
