import csv
import io

import django_tables2 as tables
import pytest
from django.test import RequestFactory

from corporate_parenting.audit import audit_record, changes_between
from corporate_parenting.models import AuditEvent, User
from corporate_parenting.tables import neutralise_cell, table_page


@pytest.mark.parametrize("value", ["=1+1", "+44 1234", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(value):
    assert neutralise_cell(value) == "'" + value


def test_ordinary_cells_are_left_alone():
    assert neutralise_cell("Care leavers week") == "Care leavers week"
    assert neutralise_cell(None) == ""
    assert neutralise_cell(3) == "3"


class PeopleTable(tables.Table):
    full_name = tables.Column(verbose_name="Name")
    email = tables.Column(verbose_name="E-mail address")

    class Meta:
        model = User
        fields = ("full_name", "email")


@pytest.mark.django_db
def test_table_page_exports_every_filtered_row_as_safe_csv(councillor):
    councillor.full_name = "=HYPERLINK(evil)"
    councillor.save()
    request = RequestFactory().get("/people/?export=csv")
    response = table_page(
        request,
        table_class=PeopleTable,
        queryset=User.objects.all(),
        template="unused.html",
        csv_filename="people.csv",
    )
    assert response["Content-Disposition"] == 'attachment; filename="people.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Name", "E-mail address"]
    assert ["'=HYPERLINK(evil)", "councillor@example.org"] in rows


@pytest.mark.django_db
def test_audit_records_who_changed_what(officer, councillor):
    changes = changes_between({"status": "open", "due": None}, {"status": "done", "due": None})
    assert changes == {"status": ["open", "done"]}
    audit_record(actor=officer, instance=councillor, action="changed", changes=changes)
    event = AuditEvent.objects.for_object(councillor).get()
    assert event.actor == officer
    assert event.changes == {"status": ["open", "done"]}
