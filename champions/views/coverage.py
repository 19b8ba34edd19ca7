"""The coverage dashboard: fetch the year, call the presenter, render."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render

from champions.coverage import coverage_for
from champions.views.common import year_from_request, year_links
from corporate_parenting.http import SignedInRequest
from corporate_parenting.models import STAFF_ROLES
from corporate_parenting.permissions import role_required


@role_required(*STAFF_ROLES)
def coverage(request: SignedInRequest) -> HttpResponse:
    year = year_from_request(request)
    return render(
        request,
        "champions/coverage.html",
        {"year": year, "coverage": coverage_for(year), **year_links(year)},
    )
