"""The annual champion report (page and PDF), and who sponsors and writes it."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from champions import forms, services
from champions.models import ReportPeople
from champions.report import PER_AREA, PER_AREA_ON_PAGE, annual_report
from champions.views.common import year_from_request, year_links
from corporate_parenting.forms import add_service_errors
from corporate_parenting.http import SignedInRequest
from corporate_parenting.models import SIGNED_IN_ROLES, Role
from corporate_parenting.pdf import pdf_response
from corporate_parenting.permissions import role_required


@role_required(*SIGNED_IN_ROLES)
def report(request: SignedInRequest) -> HttpResponse:
    year = year_from_request(request)
    return render(
        request,
        "champions/report.html",
        {
            "report": annual_report(year, per_area=PER_AREA_ON_PAGE),
            "year": year,
            "on_page": True,
            "per_area_in_pdf": PER_AREA,
            **year_links(year),
        },
    )


@role_required(*SIGNED_IN_ROLES)
def report_pdf(request: SignedInRequest) -> HttpResponse:
    year = year_from_request(request)
    data = annual_report(year)
    return pdf_response(
        "champions/pdf/report.html",
        {"report": data, "title": data.title},
        filename=f"champion-report-{year.start_year}.pdf",
    )


@role_required(Role.ADMIN)
def report_people(request: SignedInRequest) -> HttpResponse:
    """An admin chooses the year's report sponsor and author from the people with those duties."""
    year = year_from_request(request)
    chosen = ReportPeople.objects.filter(start_year=year.start_year).first()
    initial = {"sponsor": chosen.sponsor_id, "author": chosen.author_id} if chosen else {}
    form = forms.ReportPeopleForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.report_people_set(
                actor=request.user, start_year=year.start_year, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Sponsor and author saved for {year.label}")
            return redirect(f"{reverse('champions:report')}?year={year.start_year}")
    return render(request, "champions/report_people.html", {"form": form, "year": year})
