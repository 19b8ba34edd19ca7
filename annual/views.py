"""Pages for annual reports. Thin: a scoped queryset (AnnualReport.objects.visible_to or
.public), a form, one service call, a message. A GET never renders a PDF: the worker does."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.syndication.views import Feed
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.views.decorators.http import require_POST

from annual import services
from annual.content import last_full_year, report_view, year_starting
from annual.documents import (
    build_is_stale,
    content_key,
    document_current,
    document_filename,
    document_request,
)
from annual.forms import (
    AnnualSettingsForm,
    AnnualStartForm,
    AnnualWriteForm,
    ApproveForm,
    PriorityFormSet,
)
from annual.models import (
    NARRATIVE_FIELDS,
    AnnualBuildStatus,
    AnnualEdition,
    AnnualReport,
    AnnualSettings,
)
from annual.versions import report_versions
from corporate_parenting.feeds import FeedLink, syndication_link
from corporate_parenting.forms import add_service_errors
from corporate_parenting.http import SignedInRequest
from corporate_parenting.models import EVERYONE_SIGNED_IN, STAFF_ROLES, AuditEvent, Role
from corporate_parenting.permissions import is_council_staff, role_required
from panels.models import Body

AUTO_REFRESH_SECONDS = 120


def _visible(request: HttpRequest) -> QuerySet[AnnualReport]:
    return AnnualReport.objects.visible_to(request.user).for_page()


def _staff_report(request: SignedInRequest, pk: int) -> AnnualReport:
    return get_object_or_404(AnnualReport.objects.for_page(), pk=pk)


# ---------------------------------------------------------------- the council's choice


@role_required(Role.ADMIN)
def annual_settings(request: SignedInRequest) -> HttpResponse:
    current = AnnualSettings.load()
    form = AnnualSettingsForm(
        request.POST or None,
        initial=AnnualSettingsForm.initial_for(current.year_start, current.section_keys),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.annual_settings_update(
                actor=request.user,
                year_start=form.cleaned_data["year_start"],
                sections=form.cleaned_data["sections"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Annual report settings saved")
            return redirect("annual:list")
    return render(request, "annual/settings.html", {"form": form})


# ---------------------------------------------------------------- reports


@role_required(*EVERYONE_SIGNED_IN)
def report_list(request: SignedInRequest) -> HttpResponse:
    reports = list(_visible(request).distinct())
    return render(
        request,
        "annual/list.html",
        {
            "reports": reports,
            "can_start": is_council_staff(request.user),
            "is_admin": request.user.has_role(Role.ADMIN),
        },
    )


@role_required(*STAFF_ROLES)
def report_start(request: SignedInRequest) -> HttpResponse:
    settings = AnnualSettings.load()
    latest = last_full_year(timezone.localdate(), settings)
    labels = {
        year: year_starting(year, settings).label
        for year in range(latest.start_year - 4, latest.start_year + 2)
    }
    form = AnnualStartForm(
        request.POST or None,
        latest=latest.start_year,
        labels=labels,
        initial={"start_year": latest.start_year},
    )
    if request.method == "POST" and form.is_valid():
        try:
            report = services.annual_report_start(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{report.title} started")
            return redirect(report)
    return render(request, "annual/start.html", {"form": form, "settings": settings})


def _page_context(request: HttpRequest, report: AnnualReport) -> dict[str, Any]:
    view = report_view(report)
    return {
        "report": report,
        "view": view,
        "narrative_labels": NARRATIVE_FIELDS,
        "full_url": reverse("annual:document", args=[report.pk, AnnualEdition.FULL]),
        "young_url": reverse("annual:young", args=[report.pk]),
        "young_pdf_url": reverse("annual:document", args=[report.pk, AnnualEdition.YOUNG]),
    }


@role_required(*EVERYONE_SIGNED_IN)
def report_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(_visible(request).distinct(), pk=pk)
    context = _page_context(request, report)
    context["is_staff"] = is_council_staff(request.user)
    context["public_url"] = (
        report.get_public_url()
        if AnnualReport.objects.public().filter(pk=report.pk).exists()
        else ""
    )
    return render(request, "annual/detail.html", context)


@role_required(*STAFF_ROLES)
def report_history(request: SignedInRequest, pk: int) -> HttpResponse:
    report = _staff_report(request, pk)
    return render(
        request,
        "annual/history.html",
        {
            "report": report,
            "versions": report_versions(report),
            "audit_events": AuditEvent.objects.for_object(report)[:50],
        },
    )


@role_required(*STAFF_ROLES)
def report_write(request: SignedInRequest, pk: int) -> HttpResponse:
    report = _staff_report(request, pk)
    if not report.is_draft:
        messages.info(request, "The panel has approved this report: its text can no longer change")
        return redirect(report)
    initial = {"title": report.title, **{n: getattr(report, n) for n in NARRATIVE_FIELDS}}
    rows = [{"text": p.text, "objective": p.objective_id} for p in report.priorities.all()]
    data = request.POST if request.method == "POST" else None
    form = AnnualWriteForm(data, initial=initial)
    priorities = PriorityFormSet(data, initial=rows, prefix="priorities")
    if request.method == "POST" and form.is_valid() and priorities.is_valid():
        chosen = [
            services.PriorityRow(
                text=f.cleaned_data.get("text", ""), objective=f.cleaned_data.get("objective")
            )
            for f in priorities.forms
            if f.cleaned_data
        ]
        try:
            services.annual_report_save(
                actor=request.user,
                report=report,
                texts={name: form.cleaned_data[name] for name in ("title", *NARRATIVE_FIELDS)},
                priorities=chosen,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Draft saved")
            return redirect(report)
    return render(
        request, "annual/write.html", {"report": report, "form": form, "priorities": priorities}
    )


@role_required(*STAFF_ROLES)
def report_approve(request: SignedInRequest, pk: int) -> HttpResponse:
    report = _staff_report(request, pk)
    if not report.is_draft:
        messages.info(request, "The panel has approved this report already")
        return redirect(report)
    meetings = services.approval_meetings(report)
    form = ApproveForm(request.POST or None, meetings=meetings, report=report)
    if request.method == "POST" and form.is_valid():
        try:
            services.annual_report_approve(actor=request.user, report=report, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "The panel's approval is recorded and the figures are frozen")
            return redirect(report)
    return render(
        request, "annual/approve.html", {"report": report, "form": form, "meetings": meetings}
    )


@role_required(*STAFF_ROLES)
@require_POST
def report_publish(request: SignedInRequest, pk: int) -> HttpResponse:
    report = _staff_report(request, pk)
    try:
        services.annual_report_publish(actor=request.user, report=report)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "The annual report is published")
    return redirect(report)


# ---------------------------------------------------------------- what anyone may read


def _back_url(request: HttpRequest, report: AnnualReport) -> str:
    """Signed in: the report's own page (it shows whatever they may read); else its public page."""
    return report.get_absolute_url() if request.user.is_authenticated else report.get_public_url()


def young_version(request: HttpRequest, pk: int) -> HttpResponse:
    """The young person's version: anyone for a public report; members and staff otherwise."""
    report = get_object_or_404(_visible(request).distinct(), pk=pk)
    context = _page_context(request, report)
    context["back_url"] = _back_url(request, report)
    return render(request, "annual/young.html", context)


PUBLIC_PER_PAGE = 20


def public_list(request: HttpRequest) -> HttpResponse:
    reports = (
        AnnualReport.objects.public()
        .select_related("body")
        .order_by("-start_year", "body__name", "pk")
    )
    # Any page number answers: not a number is the first page, past the end the last.
    page = Paginator(reports, PUBLIC_PER_PAGE).get_page(request.GET.get("page"))
    # Every public body's feed, so a reader can follow a body before its first report.
    bodies = Body.objects.public().order_by("name")
    return render(
        request,
        "annual/public_list.html",
        {
            "reports": page.object_list,
            "page": page,
            "page_feeds": [link for b in bodies for link in feed_links(b)],
        },
    )


def public_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(AnnualReport.objects.public().for_page(), pk=pk)
    context = _page_context(request, report)
    context["page_feeds"] = feed_links(report.body)
    return render(request, "annual/public_detail.html", context)


# ---------------------------------------------------------------- the PDFs


def _edition(edition: str) -> str:
    if edition not in AnnualEdition.values:
        raise Http404("No such document")
    return edition


def document(request: HttpRequest, pk: int, edition: str) -> HttpResponse:
    """A PDF's page: ask for it (POST), see how it is going, download it once made."""
    edition = _edition(edition)
    report = get_object_or_404(_visible(request).distinct(), pk=pk)
    here = reverse("annual:document", args=[pk, edition])
    if request.method == "POST":
        requested = document_request(
            report=report, edition=edition, retry=request.user.is_authenticated
        )
        if requested.status == AnnualBuildStatus.FAILED:
            messages.error(request, "The document could not be made")
        return redirect(here)
    build = document_current(report, edition)
    state = "none" if build is None else ("stale" if build_is_stale(build) else build.status)
    waiting = state in (AnnualBuildStatus.QUEUED, AnnualBuildStatus.BUILDING)
    auto_refresh = False
    if waiting and build is not None:
        since = build.started_at or build.created_at
        auto_refresh = (timezone.now() - since).total_seconds() < AUTO_REFRESH_SECONDS
    return render(
        request,
        "annual/document.html",
        {
            "report": report,
            "edition": edition,
            "edition_name": AnnualEdition(edition).label,
            "build": build,
            "state": state,
            "waiting": waiting,
            "auto_refresh": auto_refresh,
            "here": here,
            "download_url": reverse("annual:download", args=[pk, edition]),
            "back_url": _back_url(request, report),
        },
    )


def download(request: HttpRequest, pk: int, edition: str) -> HttpResponseBase:
    """The PDF as the report stands now, once the worker has made it; otherwise its page."""
    edition = _edition(edition)
    # Only what the key and the file name read: the download stays a handful of queries.
    visible = AnnualReport.objects.visible_to(request.user).select_related("body")
    report = get_object_or_404(visible.distinct(), pk=pk)
    key = content_key(report, edition)
    build = report.builds.ready().filter(edition=edition, content_key=key).first()
    if build is None or not build.file:
        return redirect("annual:document", pk=pk, edition=edition)
    response = FileResponse(
        build.file.open("rb"),
        content_type="application/pdf",
        filename=document_filename(report, edition),
    )
    response["Content-Disposition"] = response["Content-Disposition"].replace(
        "attachment", "inline"
    )
    response["Cache-Control"] = (
        "public, max-age=300" if report.is_published else "private, no-store"
    )
    return response


# ---------------------------------------------------------------- the feed


class AnnualReportFeed(Feed):
    """A public body's published annual reports."""

    feed_type = Rss201rev2Feed

    def get_object(self, request: HttpRequest, slug: str) -> Body:
        return get_object_or_404(Body.objects.public(), slug=slug)

    def title(self, obj: Body) -> str:
        return f"{obj.name}: annual reports"

    def link(self, obj: Body) -> str:
        return reverse("annual:public_list")

    def description(self, obj: Body) -> str:
        return f"The annual corporate parenting reports of the {obj.name}, as they are published."

    def feed_url(self, obj: Body) -> str:
        name = "annual:feed_atom" if self.feed_type is Atom1Feed else "annual:feed_rss"
        return reverse(name, kwargs={"slug": obj.slug})

    def items(self, obj: Body) -> list[AnnualReport]:
        return list(AnnualReport.objects.public().filter(body=obj).select_related("body")[:50])

    def item_title(self, item: AnnualReport) -> str:
        return item.title

    def item_description(self, item: AnnualReport) -> str:
        return (
            f"The annual corporate parenting report of the {item.body.name} for {item.year_label}."
        )

    def item_link(self, item: AnnualReport) -> str:
        return item.get_public_url()

    def item_pubdate(self, item: AnnualReport) -> Any:
        return item.published_at

    def item_updateddate(self, item: AnnualReport) -> Any:
        return item.published_at


class AnnualReportAtomFeed(AnnualReportFeed):
    feed_type = Atom1Feed  # type: ignore[assignment]  # Feed accepts any SyndicationFeed class
    subtitle = AnnualReportFeed.description


rss = AnnualReportFeed()
atom = AnnualReportAtomFeed()


def feed_links(body: Body, label: str = "") -> list[FeedLink]:
    """The body's annual report feeds, in RSS then Atom: on the public list of annual reports,
    and among the body's own feeds (panels.views.feeds.body_feed_links)."""
    return [
        syndication_link(
            label=label or f"{body.name}: annual reports",
            title=feed.title(body),
            url=feed.feed_url(body),
            feed_type=feed.feed_type,
        )
        for feed in (rss, atom)
    ]
