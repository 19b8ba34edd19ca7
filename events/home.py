"""Home page panels: a councillor's next sign-ups; an admin's upcoming events."""

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone

from corporate_parenting.models import Role
from events.models import Event, SignUpStatus

HOW_MANY = 5


def home_panels(request: HttpRequest) -> list[str]:
    user = request.user
    if not user.is_authenticated:
        return []
    today = timezone.localdate()
    panels: list[str] = []
    if user.has_role(Role.ADMIN):
        events = list(
            Event.objects.scheduled().upcoming(today).with_signup_counts().in_order()[:HOW_MANY]
        )
        panels.append(render_to_string("events/_home_admin.html", {"events": events}))
    elif user.has_role(Role.COUNCILLOR):
        events = list(
            Event.objects.scheduled()
            .upcoming(today)
            .filter(signups__person=user, signups__status=SignUpStatus.SIGNED_UP)
            .in_order()[:HOW_MANY]
        )
        panels.append(render_to_string("events/_home_councillor.html", {"events": events}))
    return panels
