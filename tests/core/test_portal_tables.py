"""PortalTable writes each row once per table, and says exactly what django-tables2 said cell by cell.

The checks render the same table twice: as a PortalTable, and with its rows left to
django-tables2's own BoundRow loop (the template's fallback), and compare what a person gets;
the filter forms' drop-downs likewise against Django's own Select.
"""

import datetime
import re
import threading
from typing import Any

import django_tables2 as tables
import pytest
from django import forms
from django.template import Context, Template
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from pytest_django.asserts import assertHTMLEqual, assertInHTML

import corporate_parenting.tables as tables_module
import corporate_parenting.tables.rows as rows_module
from corporate_parenting.tables import (
    PortalDateColumn,
    PortalDateTimeColumn,
    PortalTable,
    RowsPaginator,
    Select,
    row_link,
)
from panels.models import Meeting, MeetingStatus
from tests.panels.factories import MeetingFactory


class MeetingRows(PortalTable):
    date = tables.Column(linkify=True, verbose_name="Date")
    body = tables.Column(verbose_name="Body", attrs={"a": {"class": "govuk-link"}}, linkify=True)
    status = tables.Column(verbose_name="Status")
    venue = tables.Column(verbose_name="Venue", default="No venue yet")
    closing_time = tables.Column(verbose_name="Closed", default="Still open")
    publisher = tables.Column(
        verbose_name="Published by", accessor="agenda_published_by__full_name", default="Nobody"
    )
    young_people_present = tables.Column(
        verbose_name="Young people", attrs={"td": {"class": "govuk-table__cell--numeric"}}
    )
    notice = tables.Column(
        verbose_name="Notice",
        accessor="pk",
        empty_values=(),
        attrs={"td": {"class": lambda record: "app-short" if record.short_notice_reason else ""}},
    )
    page = tables.Column(
        verbose_name="Page", accessor="pk", linkify=row_link("panels:meeting_detail")
    )
    everything = tables.Column(verbose_name="Everything", accessor="pk", empty_values=())
    next_meeting_date = PortalDateColumn(format="j M Y", verbose_name="Next", default="None set")
    # In the spreadsheet only.
    online_link = tables.Column(verbose_name="Online", visible=False)

    class Meta:
        model = Meeting
        fields = ()
        orderable = False

    def render_date(self, value: datetime.date) -> str:
        return f"{value:%-d %b %Y}"

    def render_notice(self, record: Meeting) -> str:
        return format_html("<em>{}</em>", record.short_notice_reason or "Usual notice")

    def render_everything(self, **cell: Any) -> str:
        return f"{cell['column'].verbose_name} of row {cell['bound_row'].record.pk}"

    def value_date(self, value: datetime.date) -> str:
        return value.isoformat()


class CellByCell(MeetingRows):
    """The same table with its rows left to django-tables2 (govuk.html's fallback loop)."""

    portal_rows = None  # type: ignore[assignment]  # None sends govuk.html to django-tables2's loop

    class Meta(MeetingRows.Meta):
        pass


def _html(table_class: type[tables.Table], request) -> str:
    table = table_class(Meeting.objects.select_related("body").order_by("date"))
    tables.RequestConfig(request, paginate={"per_page": 25}).configure(table)
    return render_to_string("django_tables2/govuk.html", {"table": table}, request)


@pytest.fixture
def meetings(officer):
    first = MeetingFactory(
        date=datetime.date(2026, 3, 4),
        venue="",
        status=MeetingStatus.MINUTES_DRAFT,
        young_people_present=1200,
        short_notice_reason="Urgent <business>",
        next_meeting_date=datetime.date(2026, 4, 1),
        agenda_published_by=officer,
    )
    second = MeetingFactory(date=datetime.date(2026, 5, 6), closing_time=datetime.time(19, 5))
    return first, second


@pytest.fixture
def request_for(officer):
    request = RequestFactory().get("/panels/")
    request.user = officer
    return request


@pytest.mark.django_db
def test_rows_read_exactly_as_django_tables2_wrote_them_cell_by_cell(meetings, request_for):
    assertHTMLEqual(_html(MeetingRows, request_for), _html(CellByCell, request_for))


@pytest.mark.django_db
def test_a_row_shows_links_labels_defaults_and_escaped_text(meetings, request_for):
    first, second = meetings
    html = _html(MeetingRows, request_for)
    detail = reverse("panels:meeting_detail", kwargs={"pk": first.pk})
    # The first cell heads the row and links to the meeting (linkify with get_absolute_url).
    assertInHTML(
        f'<th scope="row" class="govuk-table__header"><a href="{detail}">4 Mar 2026</a></th>',
        html,
    )
    assertInHTML(
        f'<td class="govuk-table__cell"><a class="govuk-link" '
        f'href="{first.body.get_absolute_url()}">{first.body}</a></td>',
        html,
    )
    assertInHTML('<td class="govuk-table__cell">Minutes in draft</td>', html)  # the label
    assertInHTML('<td class="govuk-table__cell">No venue yet</td>', html)  # empty: the default
    assertInHTML('<td class="govuk-table__cell">Still open</td>', html)  # None: the default
    assertInHTML('<td class="govuk-table__cell">7:05 p.m.</td>', html)  # a time, localised
    assertInHTML('<td class="govuk-table__cell">Sam Patel</td>', html)  # across a relation
    assertInHTML('<td class="govuk-table__cell">Nobody</td>', html)  # a None on the way
    assertInHTML('<td class="govuk-table__cell govuk-table__cell--numeric">1200</td>', html)
    assertInHTML(
        '<td class="govuk-table__cell app-short"><em>Urgent &lt;business&gt;</em></td>', html
    )
    assertInHTML(f'<td class="govuk-table__cell"><a href="{detail}">{first.pk}</a></td>', html)
    assertInHTML(f'<td class="govuk-table__cell">Everything of row {second.pk}</td>', html)
    assertInHTML('<td class="govuk-table__cell">1 Apr 2026</td>', html)
    assertInHTML('<td class="govuk-table__cell">None set</td>', html)
    assert "Online" not in html  # a hidden column stays out of the page


@pytest.mark.django_db
def test_an_empty_table_says_so(request_for):
    html = _html(MeetingRows, request_for)
    assertInHTML(
        '<tr class="govuk-table__row"><td class="govuk-table__cell" colspan="11">'
        "Nothing to show.</td></tr>",
        html,
    )


@pytest.mark.django_db
def test_a_long_list_is_paged_up_to_a_bound_and_says_there_are_more(
    meetings, request_for, monkeypatch
):
    monkeypatch.setattr(tables_module, "ROWS_COUNTED", 1)
    table = MeetingRows(Meeting.objects.select_related("body").order_by("date"))
    tables.RequestConfig(
        request_for, paginate={"per_page": 1, "paginator_class": RowsPaginator}
    ).configure(table)
    html = render_to_string("django_tables2/govuk.html", {"table": table}, request_for)
    assert table.paginator.num_pages == 1
    assert "More than 1 rows: the pages stop at the first 1." in html
    monkeypatch.setattr(tables_module, "ROWS_COUNTED", 2)
    table = MeetingRows(Meeting.objects.select_related("body").order_by("date"))
    tables.RequestConfig(
        request_for, paginate={"per_page": 1, "paginator_class": RowsPaginator}
    ).configure(table)
    html = render_to_string("django_tables2/govuk.html", {"table": table}, request_for)
    assert table.paginator.num_pages == 2
    assert "More than" not in html


@pytest.mark.django_db
def test_the_spreadsheet_has_the_same_values_as_django_tables2_gives(meetings):
    rows = Meeting.objects.select_related("body").order_by("date")
    table = MeetingRows(rows)
    portal = list(table.as_values())
    assert portal == list(tables.Table.as_values(MeetingRows(rows)))
    assert portal[0][0] == "Date" and "Online" in portal[0]  # hidden columns are exported
    assert portal[1][0] == "2026-03-04"  # value_date
    assert portal[1][portal[0].index("Venue")] is None  # an empty value exports empty


@pytest.mark.django_db
def test_each_cell_function_is_asked_for_its_arguments_once(meetings, request_for, monkeypatch):
    asked = []
    real = rows_module.signature

    def counting(fn):
        asked.append(fn)
        return real(fn)

    monkeypatch.setattr(rows_module, "signature", counting)

    class Fresh(MeetingRows):
        def render_venue(self, value: str, record: Meeting) -> str:
            return f"{value} ({record.pk})"

    _html(Fresh, request_for)
    first_page = len(asked)
    assert first_page and any(getattr(fn, "__name__", "") == "render_venue" for fn in asked)
    _html(Fresh, request_for)  # a new table, a new request: nothing asked again
    assert len(asked) == first_page


@pytest.mark.django_db
def test_row_url_is_the_reversed_address_of_each_row():
    table = MeetingRows([])
    for pk in (1, 7, 1234567):
        assert table.row_url("panels:meeting_detail", pk) == reverse(
            "panels:meeting_detail", kwargs={"pk": pk}
        )
    assert table.row_url("people:detail", 42) == reverse("people:detail", kwargs={"pk": 42})


class Dates(tables.Table):
    day = tables.DateColumn(format="j M Y", default="Not yet")
    moment = tables.DateTimeColumn(format="j M Y H:i", default="Never")
    short = tables.DateColumn(accessor="day")


class PortalDates(PortalTable):
    day = PortalDateColumn(format="j M Y", default="Not yet")
    moment = PortalDateTimeColumn(format="j M Y H:i", default="Never")
    short = PortalDateColumn(accessor="day")


def test_date_columns_write_what_django_tables2s_date_columns_write():
    summer = timezone.make_aware(datetime.datetime(2026, 7, 1, 23, 30), datetime.UTC)
    data = [
        {"day": datetime.date(2026, 1, 2), "moment": summer},
        {"day": None, "moment": None},
        {"day": "", "moment": ""},
    ]
    django_rows = [[str(cell) for cell in row] for row in Dates(data).rows]
    portal_rows = [[str(cell) for cell in row] for row in PortalDates(data).rows]
    assert portal_rows == django_rows
    assert portal_rows[0][:2] == ["2 Jan 2026", "2 Jul 2026 00:30"]  # London time
    assert list(PortalDates(data).as_values()) == list(Dates(data).as_values())


class Plain(PortalTable):
    name = tables.Column()
    count = tables.Column()

    def render_name(self, value: str, record: dict) -> str:
        return f"{value}: {record['count']}"


def test_tables_rendered_at_once_in_several_threads_agree():
    data = [{"name": f"Row <{n}>", "count": n} for n in range(50)]
    expected = Plain(data).portal_rows
    results: list[object] = []

    def render() -> None:
        for _ in range(20):
            results.append(Plain(data).portal_rows)

    threads = [threading.Thread(target=render) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 80 and all(rows == expected for rows in results)
    assert expected[3] == (
        '<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">'
        'Row &lt;3&gt;: 3</th><td class="govuk-table__cell">3</td></tr>'
    )


SELECTS = [
    ({}, [("", "Any status"), ("open", "Open"), ("done", "Done & dusted <now>")], "open"),
    ({"class": "govuk-select", "required": True, "disabled": False}, [(1, 1200), (2, 2)], 2),
    (
        {"data-x": 'say "hi"'},
        [("", "Anyone"), ("Panels", [("cpp", "Corporate parenting"), ("yp", "Young people")])],
        "yp",
    ),
    ({}, [(mark_safe("<b>"), "bold")], None),
]


@pytest.mark.parametrize(("attrs", "choices", "value"), SELECTS)
def test_a_drop_down_writes_the_same_markup_as_djangos_select(attrs, choices, value):
    django_select = forms.Select(attrs=attrs, choices=choices)
    portal_select = Select(attrs=attrs, choices=choices)
    assert portal_select.render("status", value) == django_select.render("status", value)


@pytest.mark.django_db
@pytest.mark.parametrize("status", ["held", "no-such-status"])
def test_a_filter_form_reads_as_it_did_with_djangos_drop_downs(officer, meetings, status):
    from panels.filters import MeetingFilter

    request = RequestFactory().get("/panels/", {"status": status})
    request.user = officer
    crispy = Template("{% load crispy_forms_tags %}{% crispy form %}")

    def rendered(*, django_widgets: bool) -> str:
        form = MeetingFilter(request.GET, queryset=Meeting.objects.all(), request=request).form
        assert type(form.fields["status"].widget) is Select
        if django_widgets:
            for field in form.fields.values():
                if type(field.widget) is Select:
                    django_select = forms.Select(attrs=field.widget.attrs)
                    django_select.choices = field.widget.choices
                    django_select.is_required = field.widget.is_required
                    field.widget = django_select
        return crispy.render(Context({"form": form}))

    html = rendered(django_widgets=False)
    assert html == rendered(django_widgets=True)
    assert 'class="govuk-select' in html  # crispy-forms-gds still knows it for a drop-down
    if status == "held":
        assert '<option value="held" selected>Held</option>' in html
    else:
        assert "govuk-input--error" in html


LIST_PAGES = [
    "/panels/",
    "/panels/actions/",
    "/events/list/",
    "/people/",
    "/offer/indicators/",
    "/champions/engagements/",
    "/reminders/",
    "/audit/",
]


@pytest.mark.django_db
@pytest.mark.parametrize("url", LIST_PAGES)
def test_every_drop_down_in_a_list_filter_has_the_govuk_style(client_for, meetings, url):
    response = client_for("admin").get(url)
    assert response.status_code == 200
    selects = re.findall(r'<select [^>]*class="([^"]*)"', response.content.decode())
    assert selects, "the list has a filter with drop-downs"
    assert all("govuk-select" in classes.split() for classes in selects), selects
