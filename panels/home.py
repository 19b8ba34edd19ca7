"""Home page panels: the next meeting for councillors; open actions and clerked meetings for
officers."""

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone

from corporate_parenting.models import Role
from panels.models import Body, Meeting, Report, Resolution


def home_panels(request: HttpRequest) -> list[str]:
    user = request.user
    if not user.is_authenticated:
        return []
    panels: list[str] = []
    today = timezone.localdate()
    # Members: councillors, and partners' representatives who sit on a body or own an action.
    if user.has_role(Role.COUNCILLOR, Role.PARTNER):
        next_meeting = (
            Meeting.objects.for_member(user).upcoming(today).select_related("body").first()
        )
        actions = list(Resolution.objects.open().owned_by(user).for_log()[:5])
        if next_meeting is not None or actions or Body.objects.for_member(user).exists():
            panels.append(
                render_to_string(
                    "panels/_home_councillor.html",
                    {"next_meeting": next_meeting, "actions": actions},
                )
            )
    if user.is_council_staff:
        actions = list(Resolution.objects.open().owned_by(user).for_log()[:5])
        clerked = list(Meeting.objects.clerked_by(user).upcoming(today).select_related("body")[:3])
        reports = Report.objects.with_deadline(today).select_related("item__meeting__body")
        writing = list(
            reports.for_author(user).exclude(status="published").order_by("deadline")[:5]
        )
        to_approve = list(reports.awaiting_sponsor(user).order_by("deadline")[:5])
        if actions or clerked or writing or to_approve:
            panels.append(
                render_to_string(
                    "panels/_home_officer.html",
                    {
                        "actions": actions,
                        "clerked": clerked,
                        "writing": writing,
                        "to_approve": to_approve,
                    },
                )
            )
    return panels
