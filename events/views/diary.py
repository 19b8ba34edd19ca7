"""Dates for the diary (a political year's events, as a page and a PDF), and rolling a year's
annual events forward to the next."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from corporate_parenting.forms import add_service_errors
from corporate_parenting.http import SignedInRequest
from corporate_parenting.inputs import year_from
from corporate_parenting.models import SIGNED_IN_ROLES, Role
from corporate_parenting.pdf import pdf_response
from corporate_parenting.permissions import role_required
from corporate_parenting.years import PoliticalYear, current_political_year, political_year_starting
from events import annual, services
from events.diary import diary_months
from events.forms import RollForwardForm


def _year(request: SignedInRequest) -> PoliticalYear:
    current = current_political_year()
    try:
        return political_year_starting(year_from(request.GET.get("year"), current.start_year))
    except ValueError:
        raise Http404 from None


def _diary(year: PoliticalYear) -> dict[str, object]:
    return {
        "year": year,
        "months": diary_months(year),
        "previous_year": year.previous(),
        "next_year": year.next(),
    }


@role_required(*SIGNED_IN_ROLES)
def diary(request: SignedInRequest) -> HttpResponse:
    return render(request, "events/diary.html", _diary(_year(request)))


@role_required(*SIGNED_IN_ROLES)
def diary_pdf(request: SignedInRequest) -> HttpResponse:
    year = _year(request)
    return pdf_response(
        "events/diary_pdf.html",
        {**_diary(year), "title": f"Corporate Parenting Dates for the Diary - {year.label}"},
        filename=f"dates-for-the-diary-{year.start_year}.pdf",
    )


@role_required(Role.ADMIN)
def roll_forward(request: SignedInRequest) -> HttpResponse:
    """Roll a political year's annual events forward, confirming the dates that move."""
    year = _year(request)
    proposals = annual.proposals_for(year)
    form = RollForwardForm(request.POST or None, proposals=proposals)
    if request.method == "POST" and form.is_valid():
        try:
            made = services.event_roll_forward(actor=request.user, plan=form.plan())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, f"{len(made)} events have been rolled forward to {year.next().label}"
            )
            return redirect(f"{reverse('events:diary')}?year={year.next().start_year}")
    return render(
        request,
        "events/roll_forward.html",
        {
            "form": form,
            "year": year,
            "proposals": proposals,
            "previous_year": year.previous(),
            "next_year": year.next(),
        },
    )
