"""Finding help: the search, browsing by category with the same filters, and the synonyms list
officers keep."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from corporate_parenting.http import SignedInRequest
from corporate_parenting.models import STAFF_ROLES
from corporate_parenting.permissions import role_required
from offer import forms, search_services
from offer.models import OfferCategory, OfferEntry, OfferEntryQuerySet, SearchSynonym
from offer.search import offer_search
from offer.search_forms import SynonymForm

PER_PAGE = 20
RESULT_FIELDS = ("slug", "title", "summary", "kind", "age_from", "age_to", "category__name")


def _filtered(request: HttpRequest) -> tuple[forms.OfferSearchForm, dict, OfferEntryQuerySet]:
    """The search form from the address, and the published entries its ages and status allow
    (none while the form has errors: the page shows them instead)."""
    form = forms.OfferSearchForm(request.GET)
    criteria = form.criteria()
    rows = (
        OfferEntry.objects.published()
        .for_ages(criteria["age_from"], criteria["age_to"])
        .for_status(criteria["status"])
        .select_related("category")
        .only(*RESULT_FIELDS)
    )
    if form.errors:
        rows = rows.none()
    return form, criteria, rows


def _searched(form: forms.OfferSearchForm, criteria: dict) -> dict:
    """What the results and the no-results message say was searched for."""
    return {
        "search_form": form,
        "criteria": criteria,
        "filtered": form.is_filtered(),
        "filters_described": form.filters_described(),
    }


def _page(
    request: HttpRequest, rows: OfferEntryQuerySet, count: int | None = None
) -> tuple[Page, str]:
    """One page of results (any page number answers), and the address without the page."""
    paginator = Paginator(rows, PER_PAGE)
    if count is not None:
        paginator.count = count  # the search counted already
    page = paginator.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return page, query.urlencode()


def search(request: HttpRequest) -> HttpResponse:
    form, criteria, rows = _filtered(request)
    found = offer_search(rows, "" if form.errors else criteria["q"])
    page, query = _page(request, found.entries, found.count)
    did_you_mean = found.understanding.did_you_mean
    if did_you_mean:
        suggestion = request.GET.copy()
        suggestion.pop("page", None)
        suggestion["q"] = did_you_mean
        did_you_mean_url = f"?{suggestion.urlencode()}"
    else:
        did_you_mean_url = ""
    return render(
        request,
        "offer/search.html",
        {
            **_searched(form, criteria),
            "page": page,
            "query": query,
            "partial": found.partial,
            "did_you_mean": did_you_mean,
            "did_you_mean_url": did_you_mean_url,
        },
    )


def category(request: HttpRequest, slug: str) -> HttpResponse:
    chosen = get_object_or_404(OfferCategory, slug=slug)
    form, criteria, rows = _filtered(request)
    page, query = _page(request, rows.filter(category=chosen).order_by("title"))
    return render(
        request,
        "offer/category.html",
        {**_searched(form, criteria), "category": chosen, "page": page, "query": query},
    )


# ---------------------------------------------------------------- the synonyms list


@role_required(*STAFF_ROLES)
def synonyms(request: SignedInRequest) -> HttpResponse:
    rows = SearchSynonym.objects.all()
    return render(request, "offer/synonyms.html", {"synonyms": rows})


@role_required(*STAFF_ROLES)
def synonym_create(request: SignedInRequest) -> HttpResponse:
    return _synonym_form(request, None)


@role_required(*STAFF_ROLES)
def synonym_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    return _synonym_form(request, get_object_or_404(SearchSynonym, pk=pk))


def _synonym_form(request: SignedInRequest, existing: SearchSynonym | None) -> HttpResponse:
    initial = {"term": existing.term, "words": existing.words} if existing else None
    form = SynonymForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = search_services.search_synonym_save(
                synonym=existing, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            for field, problems in error.message_dict.items():
                for problem in problems:
                    form.add_error(field if field in form.fields else None, problem)
        else:
            messages.success(request, f"Saved ‘{saved.term}’")
            return redirect("offer:synonyms")
    return render(request, "offer/synonym_form.html", {"form": form, "synonym": existing})


@role_required(*STAFF_ROLES)
@require_POST
def synonym_delete(request: SignedInRequest, pk: int) -> HttpResponse:
    synonym = get_object_or_404(SearchSynonym, pk=pk)
    search_services.search_synonym_delete(synonym=synonym, actor=request.user)
    messages.success(request, f"Removed ‘{synonym.term}’")
    return redirect("offer:synonyms")
