"""Forms for panel meetings, by sub-domain: meetings, agenda, attendance (and declarations),
minutes (and resolutions), actions, bodies (and members) and decision statuses. Re-exported here for
callers outside panels (`from panels.forms import MeetingForm`)."""

from panels.forms.actions import ActionUpdateForm
from panels.forms.agenda import AgendaItemEditForm, AgendaItemForm, PublishForm
from panels.forms.attendance import AttendanceForm, DeclarationForm
from panels.forms.bodies import BodyForm, MembershipForm
from panels.forms.common import NO_CHILD_DETAILS, DateInput, TimeInput
from panels.forms.decisions import DecisionStatusForm
from panels.forms.meetings import MeetingDetailsForm, MeetingForm
from panels.forms.minutes import AmendmentForm, ApproveForm, MinutesForm, ResolutionForm

__all__ = [
    "ActionUpdateForm",
    "AgendaItemEditForm",
    "AgendaItemForm",
    "AmendmentForm",
    "ApproveForm",
    "AttendanceForm",
    "BodyForm",
    "DateInput",
    "DecisionStatusForm",
    "DeclarationForm",
    "MeetingDetailsForm",
    "MeetingForm",
    "MembershipForm",
    "MinutesForm",
    "NO_CHILD_DETAILS",
    "PublishForm",
    "ResolutionForm",
    "TimeInput",
]
