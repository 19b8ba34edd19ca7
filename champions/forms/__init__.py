"""Champions forms, by what they are for. Service errors reach them through
corporate_parenting.forms.add_service_errors."""

from champions.forms.engagements import EngagementForm, RespondForm
from champions.forms.people import (
    AppointmentEndForm,
    AppointmentForm,
    AreaForm,
    ChampionSettingsForm,
    LinkOfficerForm,
    MemberForm,
    MemberTargetForm,
    ReportPeopleForm,
    councillors,
)
from champions.forms.plans import PlanItemForm, PlanTickForm

__all__ = [
    "AppointmentEndForm",
    "AppointmentForm",
    "AreaForm",
    "ChampionSettingsForm",
    "EngagementForm",
    "LinkOfficerForm",
    "MemberForm",
    "MemberTargetForm",
    "PlanItemForm",
    "PlanTickForm",
    "ReportPeopleForm",
    "RespondForm",
    "councillors",
]
