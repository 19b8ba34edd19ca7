"""The officer's home panel: offer entries they own that are past review, and feedback to moderate."""

from django.http import HttpRequest
from django.template.loader import render_to_string

from offer.models import Feedback, OfferEntry


def home_panels(request: HttpRequest) -> list[str]:
    user = request.user
    if not user.is_authenticated or not user.is_council_staff:
        return []
    overdue = list(OfferEntry.objects.owned_by(user).past_review().order_by("review_by")[:5])
    waiting = Feedback.objects.awaiting_moderation().count()
    if not overdue and not waiting:
        return []
    return [render_to_string("offer/_home_panel.html", {"overdue": overdue, "waiting": waiting})]
