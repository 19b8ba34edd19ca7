"""Each input that once made a 500 (issue 13) now gets a page or a message on its field."""

from datetime import date

import pytest
from django.urls import reverse

from corporate_parenting.inputs import local_path, month_from, year_from
from corporate_parenting.years import years_later
from tests.offer.factories import IndicatorFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "query",
    [
        "year=9999&month=12",
        "year=1&month=1",
        "year=99999999999999999999&month=1",
        "year=2025&month=99999999999999999999",
        "year=-1&month=-1",
        "year=٢٠٢٥&month=1",  # Arabic-Indic digits: int() reads them, date() should not see them
    ],
)
def test_month_view_shows_this_month_for_a_year_out_of_range(client_for, query):
    response = client_for("councillor").get(f"/events/?{query}")
    assert response.status_code == 200


@pytest.mark.parametrize("year", ["1", "9999", "99999999999999999999", "-5", "1" * 5000])
@pytest.mark.parametrize("page", ["events:diary", "events:diary_pdf", "events:roll_forward"])
def test_diary_and_roll_forward_refuse_a_year_out_of_range(client_for, page, year):
    response = client_for("admin").get(f"{reverse(page)}?year={year}")
    assert response.status_code == 404


def test_diary_at_the_edges_of_the_range_has_a_year_either_side(client_for):
    assert client_for("admin").get(f"{reverse('events:diary')}?year=1900").status_code == 200
    assert client_for("admin").get(f"{reverse('events:diary')}?year=2199").status_code == 200
    assert client_for("councillor").get("/events/?year=2199&month=12").status_code == 200
    assert client_for("councillor").get("/events/?year=1900&month=1").status_code == 200


def test_sign_in_with_a_256_character_username_is_a_message_not_a_500(client):
    response = client.post(reverse("login"), {"username": "a" * 250 + "@x.org", "password": "x"})
    assert response.status_code == 200
    assert "govuk-error-summary" in response.text


def test_feedback_next_with_a_nul_goes_back_to_the_offer(client):
    response = client.post(
        reverse("offer:feedback"), {"kind": "yes", "next": "/offer/\x00evil"}, follow=False
    )
    assert response.status_code == 302
    assert response.url == reverse("offer:index")


@pytest.mark.parametrize("page", ["1101040891", "//evil.example.org/", "https://evil.example.org/"])
def test_missing_form_never_sends_anyone_off_the_site(client, page):
    response = client.post(reverse("offer:missing"), {"text": "More on housing", "page": page})
    assert response.status_code == 302
    assert response.url == reverse("offer:index")


def test_attendance_line_over_150_characters_is_an_error_on_its_field(
    client_for, officer, portal_admin
):
    from tests.panels.factories import MeetingFactory

    meeting = MeetingFactory(date=date(2025, 6, 11), status="held")
    response = client_for("officer").post(
        reverse("panels:attendance", kwargs={"pk": meeting.pk}),
        {"officers": "R " + "T" * 160 + " (Committee Services Manager)", "young_people_present": 0},
    )
    assert response.status_code == 200
    assert "150 characters or fewer" in response.text


def test_kpi_import_note_with_a_nul_is_a_reason_not_a_500(client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    IndicatorFactory(code="NEET-CL", unit="percent", polarity="lower")
    data = (
        b"code,period,value,england,statistical_neighbours,region,note\nNEET-CL,2024,39,,,,a\x00b\n"
    )
    response = client_for("officer").post(
        reverse("offer:kpi_import"), {"file": SimpleUploadedFile("kpis.csv", data)}
    )
    assert response.status_code == 200
    assert "note has hidden control characters" in response.text


def test_new_offer_entry_on_29_february_is_reviewed_on_28_february(client_for, monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *args: date(2028, 2, 29))
    response = client_for("officer").get(reverse("offer:entry_create"))
    assert response.status_code == 200
    assert years_later(date(2028, 2, 29)) == date(2029, 2, 28)


def test_year_and_month_bounds_in_one_place():
    assert year_from("2025", 1) == 2025
    assert year_from(None, 2024) == 2024
    for bad in ("1899", "2200", "9999", "1" * 30, "12a", "٢٠٢٥"):
        with pytest.raises(ValueError):
            year_from(bad, 1)
    for bad in ("0", "13", "99999999999999999999", "x"):
        with pytest.raises(ValueError):
            month_from(bad, 1)


def test_local_path_keeps_only_paths_on_this_site(rf):
    request = rf.get("/")
    assert local_path(request, "/offer/housing/", "/x/") == "/offer/housing/"
    for target in ("//evil.org/", "https://evil.org/", "javascript:alert(1)", "/a\x00b", "page"):
        assert local_path(request, target, "/x/") == "/x/"


def test_every_portal_form_refuses_a_date_outside_the_portal_years():
    from django import forms

    from corporate_parenting.forms import GovUKFormMixin

    class DateForm(GovUKFormMixin, forms.Form):
        day = forms.DateField()

    assert DateForm({"day": "2025-06-11"}).is_valid()
    for day in ("0001-01-01", "9999-12-31"):
        form = DateForm({"day": day})
        assert not form.is_valid()
        assert form.errors["day"] == ["Enter a date between 1900 and 2199"]


@pytest.mark.parametrize("value", ["-1", "0", "1" * 5000, "99999", "x"])
def test_a_page_size_from_the_address_is_ignored_unless_sensible(client_for, value):
    response = client_for("admin").get(f"{reverse('events:list')}?per_page={value}&page={value}")
    assert response.status_code == 200


@pytest.mark.parametrize("value", ["../../../etc/passwd", "a.b", "-", "title,-start_date"])
def test_a_sort_from_the_address_is_a_column_name_or_nothing(client_for, value):
    for export in ("", "&export=csv"):
        response = client_for("admin").get(f"{reverse('events:list')}?sort={value}{export}")
        assert response.status_code == 200
