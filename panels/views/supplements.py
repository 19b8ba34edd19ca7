"""The clerk publishes a meeting's late papers as its next supplementary pack."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render

from corporate_parenting.forms import add_service_errors
from corporate_parenting.http import SignedInRequest
from corporate_parenting.models import STAFF_ROLES
from corporate_parenting.permissions import role_required
from panels import services
from panels.forms.agenda import SupplementForm
from panels.views.common import meeting_for


@role_required(*STAFF_ROLES)
def supplement_new(request: SignedInRequest, pk: int) -> HttpResponse:
    meeting = meeting_for(request, pk)
    late = services.late_papers(meeting)
    reports = {f"report-{r.pk}": r for r in late.reports}
    files = {f"file-{i.pk}": i for i in late.files}
    choices = [
        (key, f"{r.item.position}. {r.title} (written report)") for key, r in reports.items()
    ]
    choices += [(key, f"{i.position}. {i.title} (report file)") for key, i in files.items()]
    form = SupplementForm(request.POST or None, choices=choices)
    if request.method == "POST" and meeting.agenda_is_published and form.is_valid():
        chosen = form.cleaned_data["papers"]
        try:
            supplement = services.supplement_publish(
                actor=request.user,
                meeting=meeting,
                reason=form.cleaned_data["reason"],
                reports=[reports[key] for key in chosen if key in reports],
                items=[files[key] for key in chosen if key in files],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{supplement.label} published")
            return redirect(f"{meeting.get_absolute_url()}#agenda")
    return render(
        request,
        "panels/supplement_new.html",
        {"form": form, "meeting": meeting, "late": late},
    )
