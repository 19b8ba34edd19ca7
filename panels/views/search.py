"""The papers search page: one box over meetings, items, minutes, decisions, actions and
reports, for anyone (the public searches public papers only)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import QuerySet
from django.db.models.functions import ExtractYear
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from corporate_parenting.inputs import one_line
from panels.models import Meeting
from panels.search import KINDS, Scope, papers_search, result_url

PER_PAGE = 20
WORDS_MAX_LENGTH = 200


def search_words(text: object) -> str:
    """The words to search for, on one line (pasted text brings control characters: care, NUL,
    leavers is two words), at most WORDS_MAX_LENGTH characters."""
    return one_line(text)[:WORDS_MAX_LENGTH].strip()


class SearchWordsField(forms.CharField):
    """The search box: its words are cleaned before any check, so a pasted control character
    or a long paste never costs the filters chosen beside it."""

    def to_python(self, value: Any) -> str:
        return search_words(super().to_python(value))


class PapersSearchForm(forms.Form):
    """Sent by GET; any value it does not offer is ignored, so no address makes an error."""

    q = SearchWordsField(required=False, max_length=WORDS_MAX_LENGTH)
    kind = forms.ChoiceField(required=False)
    body = forms.ChoiceField(required=False)
    year = forms.TypedChoiceField(required=False, coerce=int, empty_value=None)

    def __init__(self, *args: object, scope: Scope, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]  # kwargs pass through to Form's typed arguments unchanged
        self.bodies = {body.slug: body for body in scope.bodies()}
        meetings: QuerySet[Meeting] = scope.full_meetings | scope.public_meetings
        years = (
            meetings.annotate(year=ExtractYear("date"))
            .order_by("-year")
            .values_list("year", flat=True)
            .distinct()
        )
        kinds, bodies, years_field = (self.fields[name] for name in ("kind", "body", "year"))
        assert isinstance(kinds, forms.ChoiceField)
        assert isinstance(bodies, forms.ChoiceField)
        assert isinstance(years_field, forms.ChoiceField)
        kinds.choices = [("", "All kinds"), *KINDS.items()]
        bodies.choices = [("", "All bodies")] + [
            (slug, body.name) for slug, body in self.bodies.items()
        ]
        years_field.choices = [("", "Any year")] + [(str(y), str(y)) for y in years]

    def criteria(self) -> dict[str, Any]:
        if not self.is_valid():
            # Keep the words when only a filter was wrong.
            return {"q": search_words(self.data.get("q")), "kind": "", "body": None, "year": None}
        data = self.cleaned_data
        return {
            "q": data["q"],
            "kind": data["kind"],
            "body": self.bodies.get(data["body"]),
            "year": data["year"],
        }


class CompiledRows:
    """The search's union of six queries, compiled once and used for both the count and the page
    (Django would compile it again for each: most of a broad search's time)."""

    ORDER = '"rank" DESC, "meeting_date" DESC, "paper_kind", "pk"'

    def __init__(self, rows: QuerySet) -> None:
        self.sql, self.params = rows.query.sql_with_params()

    def count(self) -> int:
        with connection.cursor() as cursor:
            # The SQL is Django's own compilation; what was typed is in the parameters.
            cursor.execute(f"SELECT count(*) FROM ({self.sql}) AS found", self.params)  # noqa: S608
            return cursor.fetchone()[0]

    def __getitem__(self, window: slice) -> list[dict[str, object]]:
        start = window.start or 0
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT * FROM ({self.sql}) AS found ORDER BY {self.ORDER} LIMIT %s OFFSET %s",  # noqa: S608
                [*self.params, window.stop - start, start],
            )
            names = [column.name for column in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def papers(request: HttpRequest) -> HttpResponse:
    scope = Scope.for_user(request.user)
    form = PapersSearchForm(request.GET or None, scope=scope)
    criteria: dict[str, Any] = form.criteria() if request.GET else {"q": ""}
    page: Page | None = None
    query = ""
    if criteria["q"].strip():
        rows = papers_search(
            user=request.user,
            text=criteria["q"],
            kinds=[criteria["kind"]] if criteria["kind"] else None,
            body=criteria["body"],
            year=criteria["year"],
        )
        # CompiledRows offers count() and slicing, all that Paginator uses of a sequence.
        paginator: Paginator[dict[str, object]] = Paginator(CompiledRows(rows), PER_PAGE)  # type: ignore[arg-type]
        page = paginator.get_page(request.GET.get("page"))
        page.object_list = list(page.object_list)
        for row in page.object_list:
            row["url"] = result_url(row)
            row["kind_label"] = KINDS[str(row["paper_kind"])]
        address = request.GET.copy()
        address.pop("page", None)
        query = address.urlencode()
    return render(
        request,
        "panels/search.html",
        {"form": form, "criteria": criteria, "page": page, "query": query},
    )
