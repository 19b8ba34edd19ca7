"""Voice pages: for members and officers, what children and young people told us; for admins,
the themes; for everyone, a public summary of counts by theme and "you said, we did"."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST, require_safe

from corporate_parenting.forms import add_service_errors
from corporate_parenting.http import SignedInRequest
from corporate_parenting.models import SIGNED_IN_ROLES, Role
from corporate_parenting.permissions import role_required
from corporate_parenting.tables import csv_response
from voice import coverage, forms, services
from voice.models import Principle, Theme
from voice.told import SOURCES, csv_rows, what_we_were_told

# ---------------------------------------------------------------- reading


@role_required(*SIGNED_IN_ROLES)
def index(request: SignedInRequest) -> HttpResponse:
    form = forms.PeriodForm(request.GET or None)
    year, quarter = form.chosen()
    told = what_we_were_told(year, quarter=quarter)
    query = request.GET.copy()
    query.pop("submit", None)
    return render(
        request,
        "voice/index.html",
        {
            "form": form,
            "told": told,
            "sources": SOURCES,
            "query": query.urlencode(),
            "can_shape": services.can_shape(request.user),
        },
    )


@role_required(*SIGNED_IN_ROLES)
def told_csv(request: SignedInRequest) -> HttpResponse:
    form = forms.PeriodForm(request.GET or None)
    year, quarter = form.chosen()
    told = what_we_were_told(year, quarter=quarter)
    suffix = f"-q{told.quarter.number}" if told.quarter else ""
    return csv_response(
        csv_rows(told), filename=f"what-young-people-told-us-{year.start_year}{suffix}.csv"
    )


def public(request: HttpRequest) -> HttpResponse:
    """No sign-in: counts by theme for the year (under five shown as "fewer than 5") and the
    "you said, we did" answers. Only what an officer chose to show is read."""
    form = forms.YearForm(request.GET or None)
    year, _ = form.chosen()
    return render(
        request,
        "voice/public.html",
        {"form": form, "told": what_we_were_told(year, public=True)},
    )


@role_required(*SIGNED_IN_ROLES)
def principles(request: SignedInRequest) -> HttpResponse:
    return render(request, "voice/principles.html", {"principles": Principle.objects.all()})


@role_required(*SIGNED_IN_ROLES)
@require_safe
def principles_coverage(request: SignedInRequest) -> HttpResponse:
    """For a political year: how often the Board's work named each principle, through what,
    and the principles it left untouched."""
    form = forms.YearForm(request.GET or None)
    year, _ = form.chosen()
    return render(
        request,
        "voice/principles_coverage.html",
        {
            "form": form,
            "coverage": coverage.principles_coverage(year, user=request.user),
            "listed": coverage.LISTED,
            "query": f"year={year.start_year}",
        },
    )


@role_required(*SIGNED_IN_ROLES)
@require_safe
def principles_coverage_csv(request: SignedInRequest) -> HttpResponse:
    form = forms.YearForm(request.GET or None)
    year, _ = form.chosen()
    return csv_response(
        coverage.csv_rows(coverage.principles_coverage(year, user=request.user)),
        filename=f"principles-coverage-{year.start_year}.csv",
    )


# ---------------------------------------------------------------- themes (admins)


@role_required(Role.ADMIN)
def theme_list(request: SignedInRequest) -> HttpResponse:
    themes = list(Theme.objects.all())
    if request.GET.get("export") == "csv":
        return csv_response(
            [["Theme", "Short name", "What it covers", "Position", "Retired on"]]
            + [
                [
                    t.name,
                    t.slug,
                    t.description,
                    str(t.position),
                    f"{t.retired_at:%d/%m/%Y}" if t.retired_at else "",
                ]
                for t in themes
            ],
            filename="themes.csv",
        )
    return render(
        request,
        "voice/theme_list.html",
        {
            "active": [t for t in themes if not t.is_retired],
            "retired": [t for t in themes if t.is_retired],
        },
    )


@role_required(Role.ADMIN)
def theme_create(request: SignedInRequest) -> HttpResponse:
    return _theme_form(request, None)


@role_required(Role.ADMIN)
def theme_edit(request: SignedInRequest, slug: str) -> HttpResponse:
    return _theme_form(request, get_object_or_404(Theme, slug=slug))


def _theme_form(request: SignedInRequest, theme: Theme | None) -> HttpResponse:
    initial = (
        {
            "name": theme.name,
            "slug": theme.slug,
            "description": theme.description,
            "position": theme.position,
        }
        if theme
        else {"position": min((Theme.objects.count() + 1) * 10, services.POSITION_MAX)}
    )
    form = forms.ThemeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.theme_save(actor=request.user, theme=theme, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Theme ‘{saved.name}’ saved")
            return redirect("voice:theme_list")
    return render(request, "voice/theme_form.html", {"form": form, "theme": theme})


@role_required(Role.ADMIN)
def theme_retire(request: SignedInRequest, slug: str) -> HttpResponse:
    """GET asks to confirm; POST retires the theme, or brings a retired one back."""
    theme = get_object_or_404(Theme, slug=slug)
    if request.method == "POST":
        try:
            if theme.is_retired:
                services.theme_reinstate(actor=request.user, theme=theme)
                messages.success(request, f"‘{theme.name}’ is back: it can be tagged again")
            else:
                services.theme_retire(actor=request.user, theme=theme)
                messages.success(
                    request, f"‘{theme.name}’ retired: what was tagged with it keeps it"
                )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("voice:theme_list")
    return render(request, "voice/theme_retire.html", {"theme": theme})


@role_required(Role.ADMIN)
@require_POST
def theme_move(request: SignedInRequest, slug: str) -> HttpResponse:
    """The list's "Move up" and "Move down" buttons."""
    theme = get_object_or_404(Theme, slug=slug)
    try:
        services.theme_move(
            actor=request.user, theme=theme, direction=request.POST.get("direction", "")[:10]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"‘{theme.name}’ moved {request.POST['direction']}")
    return redirect("voice:theme_list")
