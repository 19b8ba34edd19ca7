"""Officers keep the offer: the list of entries, and an entry's form with its history."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from corporate_parenting.forms import add_service_errors
from corporate_parenting.http import SignedInRequest
from corporate_parenting.models import STAFF_ROLES, AuditEvent
from corporate_parenting.permissions import role_required
from corporate_parenting.tables import table_page
from corporate_parenting.years import years_later
from offer import forms, services
from offer.models import Feedback, OfferEntry
from offer.tables import OfferEntryTable

AUDIT_EVENTS_SHOWN = 20


@role_required(*STAFF_ROLES)
def manage(request: SignedInRequest) -> HttpResponse:
    rows = OfferEntry.objects.select_related("category", "owner").order_by("review_by", "title")
    if request.GET.get("mine"):
        rows = rows.owned_by(request.user)
    if request.GET.get("past_review"):
        rows = rows.past_review()
    return table_page(
        request,
        table_class=OfferEntryTable,
        queryset=rows,
        template="offer/manage.html",
        csv_filename="offer-entries.csv",
        context={"waiting": Feedback.objects.awaiting_moderation().count()},
    )


@role_required(*STAFF_ROLES)
def entry_create(request: SignedInRequest) -> HttpResponse:
    return _entry_form(request, None)


@role_required(*STAFF_ROLES)
def entry_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    return _entry_form(request, get_object_or_404(OfferEntry, pk=pk))


def _entry_form(request: SignedInRequest, existing: OfferEntry | None) -> HttpResponse:
    initial = (
        # A new entry is reviewed a year from today (29 February: the 28th).
        {"owner": request.user, "review_by": years_later(timezone.localdate(), 1)}
        if existing is None
        else None
    )
    form = forms.OfferEntryForm(request.POST or None, instance=existing, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.offer_entry_save(
                entry=existing,
                actor=request.user,
                principles=form.cleaned_data["principles"],
                **{k: form.cleaned_data[k] for k in form.Meta.fields},
            )
        except ValidationError as error:
            # A ModelForm is a BaseForm, as the helper needs; its hint says Form.
            add_service_errors(form, error)
        else:
            messages.success(request, f"Saved '{saved.title}'")
            return redirect("offer:manage")
    audit_events = AuditEvent.objects.for_object(existing)[:AUDIT_EVENTS_SHOWN] if existing else []
    return render(
        request,
        "offer/entry_form.html",
        {"form": form, "entry": existing, "audit_events": audit_events},
    )
