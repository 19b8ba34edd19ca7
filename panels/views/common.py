"""What every panels page shares: who may see it, and the meeting or item it is about, scoped to the person asking."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect

from corporate_parenting.http import SignedInRequest
from panels import services
from panels.models import AgendaItem, Meeting


def meeting_for(request: SignedInRequest, pk: int) -> Meeting:
    return get_object_or_404(
        Meeting.objects.visible_to(request.user).select_related("body").distinct(), pk=pk
    )


def item_for(request: SignedInRequest, pk: int) -> AgendaItem:
    return get_object_or_404(
        AgendaItem.objects.filter(meeting__in=Meeting.objects.visible_to(request.user))
        .select_related("meeting__body")
        .distinct(),
        pk=pk,
    )


def locked_redirect(request: SignedInRequest, meeting: Meeting) -> HttpResponse | None:
    if meeting.minutes_are_approved:
        messages.error(request, services.LOCKED_MESSAGE)
        return redirect(meeting)
    return None
