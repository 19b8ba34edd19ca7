"""Panel meetings: bodies and their members, meetings, agenda, attendance, declarations, minutes,
resolutions and the actions that flow from one meeting to the next.

By sub-domain: bodies (and memberships), meetings (and agenda items), attendance (and
declarations), resolutions (actions, their updates, decision statuses, amendments); the reports
written in the portal are panels.reports.models. All are re-exported here, so `panels.models.Body`
(and migrations' `panels.models.report_upload_to`) keep working.
"""

from panels.models.attendance import Attendance, AttendanceKind, Declaration, DeclarationKind
from panels.models.bodies import Body, BodyKind, MemberRole, Membership, NumberingStyle
from panels.models.changes import ChangeKind, MeetingChange
from panels.models.meetings import (
    AgendaItem,
    ExemptParagraph,
    ItemKind,
    Meeting,
    MeetingStatus,
    Supplement,
    report_upload_to,
)
from panels.models.programme import PlannedItem, PlannedOutcome, first_of_month
from panels.models.resolutions import (
    ActionStatus,
    ActionUpdate,
    Amendment,
    DecisionStatus,
    Resolution,
)

# Reports written in the portal, their versions and the agenda packs built from them.
from panels.reports.models import PackBuild, Report, ReportAnnex, ReportSection, ReportVersion

__all__ = [
    "ActionStatus",
    "ActionUpdate",
    "AgendaItem",
    "Amendment",
    "Attendance",
    "AttendanceKind",
    "Body",
    "BodyKind",
    "ChangeKind",
    "DecisionStatus",
    "Declaration",
    "DeclarationKind",
    "ExemptParagraph",
    "ItemKind",
    "Meeting",
    "MeetingChange",
    "MeetingStatus",
    "MemberRole",
    "Membership",
    "NumberingStyle",
    "PackBuild",
    "PlannedItem",
    "PlannedOutcome",
    "Report",
    "ReportAnnex",
    "ReportSection",
    "ReportVersion",
    "Resolution",
    "Supplement",
    "first_of_month",
    "report_upload_to",
]
