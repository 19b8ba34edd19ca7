"""Champions: councillors who champion an area of children's lives, their link officers, and
what they did (engagements).

By what they hold: members (the champion settings, councillors with their DBS and training, the
annual report's sponsor and author), areas (areas, appointments, link officers), engagements
(engagements and plan items). All are re-exported here, so `champions.models.Member` keeps
working.
"""

from champions.models.areas import Appointment, ChampionArea, LinkOfficer
from champions.models.engagements import (
    Engagement,
    EngagementKind,
    EngagementStatus,
    FollowUpStatus,
    PlanItem,
)
from champions.models.members import (
    DEFAULT_DBS_VALID_YEARS,
    DEFAULT_ENGAGEMENT_TARGET,
    ChampionSettings,
    DbsStatus,
    Member,
    ReportPeople,
)

__all__ = [
    "DEFAULT_DBS_VALID_YEARS",
    "DEFAULT_ENGAGEMENT_TARGET",
    "Appointment",
    "ChampionArea",
    "ChampionSettings",
    "DbsStatus",
    "Engagement",
    "EngagementKind",
    "EngagementStatus",
    "FollowUpStatus",
    "LinkOfficer",
    "Member",
    "PlanItem",
    "ReportPeople",
]
