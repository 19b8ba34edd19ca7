"""What the events pages share: who counts as a member, and where a form returns to."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import HttpRequest

from champions.models import ChampionArea
from corporate_parenting.inputs import local_path

PUBLIC_FEED_DAYS_BACK = 365


def error_text(error: ValidationError) -> str:
    """A service's refusal as one message, for actions that have no form to put it on."""
    return " ".join(error.messages)


def safe_next(request: HttpRequest, fallback: str) -> str:
    return local_path(request, request.POST.get("next") or "", fallback)


def areas_prefetch() -> Prefetch:
    return Prefetch("areas", queryset=ChampionArea.objects.order_by("name"))
