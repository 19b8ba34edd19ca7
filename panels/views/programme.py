"""A body's work programme: what it plans to take at its meetings across the political year,
who writes and sponsors each report, and what became of each item. Officers keep it; a public
body's programme, once the clerk publishes it, is public with titles and months only."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from corporate_parenting.forms import add_service_errors
from corporate_parenting.http import SignedInRequest
from corporate_parenting.inputs import year_from
from corporate_parenting.models import STAFF_ROLES
from corporate_parenting.permissions import role_required
from corporate_parenting.tables import table_page
from corporate_parenting.years import (
    PoliticalYear,
    current_political_year,
    political_year_starting,
)
from panels import services
from panels.forms.programme import PlannedItemDropForm, PlannedItemForm, PlannedItemsTakeForm
from panels.models import Body, PlannedItem, PlannedOutcome
from panels.tables import PlannedItemTable
from panels.views.common import locked_redirect, meeting_for


def programme_year(request: HttpRequest) -> PoliticalYear:
    """?year=2026 for the political year starting then: up to 20 years back and one ahead (the
    next year is planned before it starts); the current year otherwise."""
    current = current_political_year()
    try:
        start = year_from(request.GET.get("year", ""), current.start_year)
    except ValueError:
        return current
    if not current.start_year - 20 <= start <= current.start_year + 1:
        return current
    return political_year_starting(start)


def _year_links(base: str, year: PoliticalYear) -> dict[str, object]:
    current = current_political_year()
    following = year.next()
    return {
        "year": year,
        "previous_url": f"{base}?year={year.previous().start_year}",
        "previous_year": year.previous(),
        "next_url": (
            f"{base}?year={following.start_year}"
            if following.start_year <= current.start_year + 1
            else ""
        ),
        "next_year": following,
    }


@role_required(*STAFF_ROLES)
def work_programme(request: SignedInRequest, slug: str) -> HttpResponse:
    body = get_object_or_404(Body, slug=slug)
    year = programme_year(request)
    items = (
        PlannedItem.objects.filter(body=body)
        .in_year(year.start, year.end)
        .with_meeting_date()
        .select_related("body", "owner", "sponsor", "meeting", "agenda_item__meeting")
        .order_by("month", "created_at")
    )
    base = reverse("panels:work_programme", kwargs={"slug": body.slug})
    return table_page(
        request,
        table_class=PlannedItemTable,
        queryset=items,
        template="panels/programme/programme.html",
        csv_filename=f"work-programme-{body.slug}-{year.start_year}.csv",
        context={"body": body, **_year_links(base, year)},
    )


@role_required(*STAFF_ROLES)
def planned_item_add(request: SignedInRequest, slug: str) -> HttpResponse:
    body = get_object_or_404(Body, slug=slug)
    year = programme_year(request)
    form = PlannedItemForm(request.POST or None, body=body, start=year.start)
    if request.method == "POST" and form.is_valid():
        try:
            item = services.planned_item_add(actor=request.user, body=body, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Planned for {item.month:%B %Y}: {item.title}")
            return redirect(
                f"{reverse('panels:work_programme', args=[body.slug])}?year={year.start_year}"
            )
    return render(
        request,
        "panels/programme/form.html",
        {"form": form, "body": body, "year": year, "heading": "Plan an item"},
    )


def _planned_for(pk: int) -> PlannedItem:
    return get_object_or_404(
        PlannedItem.objects.select_related("body", "owner", "sponsor", "agenda_item__meeting"),
        pk=pk,
    )


def _programme_url(item: PlannedItem) -> str:
    year = current_political_year()
    start = (
        year.start_year
        + (1 if item.month > year.end else 0)
        - (1 if item.month < year.start else 0)
    )
    return f"{reverse('panels:work_programme', args=[item.body.slug])}?year={start}"


@role_required(*STAFF_ROLES)
def planned_item_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    item = _planned_for(pk)
    if item.outcome != PlannedOutcome.PLANNED:
        return render(
            request, "panels/programme/closed.html", {"item": item, "back": _programme_url(item)}
        )
    initial = {
        "title": item.title,
        "month": f"{item.month:%Y-%m}",
        "meeting": item.meeting_id,
        "owner": item.owner_id,
        "sponsor": item.sponsor_id,
        "notes": item.notes,
    }
    start = min(item.month, current_political_year().start)
    form = PlannedItemForm(
        request.POST or None, initial=initial, body=item.body, start=start, item=item
    )
    if request.method == "POST" and form.is_valid():
        try:
            item = services.planned_item_update(actor=request.user, item=item, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Saved: {item.title}, {item.month:%B %Y}")
            return redirect(_programme_url(item))
    return render(
        request,
        "panels/programme/form.html",
        {
            "form": form,
            "body": item.body,
            "item": item,
            "back": _programme_url(item),
            "heading": "Change a planned item",
        },
    )


@role_required(*STAFF_ROLES)
def planned_item_drop(request: SignedInRequest, pk: int) -> HttpResponse:
    item = _planned_for(pk)
    form = PlannedItemDropForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.planned_item_drop(
                actor=request.user, item=item, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Dropped: {item.title}")
            return redirect(_programme_url(item))
    return render(
        request,
        "panels/programme/drop.html",
        {"form": form, "item": item, "back": _programme_url(item)},
    )


@require_http_methods(["GET", "POST"])
@role_required(*STAFF_ROLES)
def work_programme_publish(request: SignedInRequest, slug: str) -> HttpResponse:
    body = get_object_or_404(Body, slug=slug)
    back = reverse("panels:work_programme", args=[body.slug])
    if request.method == "POST":
        try:
            services.work_programme_publish(actor=request.user, body=body)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"The {body.name}'s work programme is public")
        return redirect(back)
    return render(request, "panels/programme/publish.html", {"body": body, "back": back})


@role_required(*STAFF_ROLES)
def meeting_planned_items(request: SignedInRequest, pk: int) -> HttpResponse:
    """The items planned for this meeting, offered for its agenda."""
    meeting = meeting_for(request, pk)
    if locked := locked_redirect(request, meeting):
        return locked
    form = PlannedItemsTakeForm(request.POST or None, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            taken = services.planned_items_take(
                actor=request.user, meeting=meeting, items=list(form.cleaned_data["items"])
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                f"Added {len(taken)} planned item{'s' if len(taken) != 1 else ''} to the agenda",
            )
            return redirect(meeting)
    has_items = bool(form.fields["items"].queryset.exists())  # type: ignore[attr-defined]  # a ModelMultipleChoiceField
    return render(
        request,
        "panels/programme/take.html",
        {"form": form, "meeting": meeting, "has_items": has_items},
    )


def public_work_programme(request: HttpRequest, slug: str) -> HttpResponse:
    """A public body's published work programme: months and titles, nothing else."""
    body = get_object_or_404(
        Body.objects.public().filter(work_programme_published_at__isnull=False), slug=slug
    )
    year = programme_year(request)
    items = (
        PlannedItem.objects.public()
        .filter(body=body)
        .in_year(year.start, year.end)
        .order_by("month", "created_at")
        .values("month", "title")
    )
    months: dict[object, list[str]] = {}
    for row in items:
        months.setdefault(row["month"], []).append(row["title"])
    base = reverse("panels:public_work_programme", kwargs={"slug": body.slug})
    return render(
        request,
        "panels/programme/public.html",
        {"body": body, "months": months.items(), **_year_links(base, year)},
    )
