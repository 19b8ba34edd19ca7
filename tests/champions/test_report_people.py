"""The annual report's sponsor and author are chosen in a form, per political year, from the
people who hold those duties, and printed on the page and the PDF."""

from io import BytesIO

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from pypdf import PdfReader

from champions import services
from champions.models import ReportPeople
from corporate_parenting.models import Duty, DutyKind
from corporate_parenting.years import current_political_year
from tests import factories as core

pytestmark = pytest.mark.django_db


@pytest.fixture
def holders():
    sponsor = core.officer(full_name="Dana Director")
    author = core.officer(full_name="Avery Author")
    Duty.objects.create(
        user=sponsor, kind=DutyKind.REPORT_SPONSOR, job_title="Director of Children's Services"
    )
    Duty.objects.create(user=author, kind=DutyKind.REPORT_AUTHOR, job_title="Participation Lead")
    return sponsor, author


def test_the_form_offers_only_people_with_the_duty(client_for, holders, officer):
    sponsor, author = holders
    form = client_for("admin").get(reverse("champions:report_people")).context["form"]
    assert list(form.fields["sponsor"].queryset) == [sponsor]
    assert list(form.fields["author"].queryset) == [author]


def test_admin_chooses_sponsor_and_author_and_the_report_prints_them(client_for, holders):
    sponsor, author = holders
    year = current_political_year()
    response = client_for("admin").post(
        reverse("champions:report_people") + f"?year={year.start_year}",
        {"sponsor": sponsor.pk, "author": author.pk},
    )
    assert response.status_code == 302
    chosen = ReportPeople.objects.get(start_year=year.start_year)
    assert (chosen.sponsor, chosen.author) == (sponsor, author)
    page = client_for("councillor").get(reverse("champions:report")).text
    assert "Dana Director, Director of Children&#x27;s Services" in page
    assert "Avery Author, Participation Lead" in page
    pdf = client_for("officer").get(reverse("champions:report_pdf"))
    body = pdf.content if not pdf.streaming else b"".join(pdf.streaming_content)
    text = "".join(p.extract_text() for p in PdfReader(BytesIO(body)).pages)
    assert "Dana Director" in text and "Avery Author" in text


def test_the_viewer_is_not_the_author(client_for):
    page = client_for("officer").get(reverse("champions:report")).text
    assert "Sam Patel" not in page
    assert "Not chosen yet" in page


def test_someone_without_the_duty_is_refused_on_the_field(client_for, holders, officer):
    sponsor, _ = holders
    response = client_for("admin").post(
        reverse("champions:report_people"), {"sponsor": sponsor.pk, "author": officer.pk}
    )
    assert "author" in response.context["form"].errors
    assert not ReportPeople.objects.exists()


def test_only_an_admin_chooses(holders, councillor):
    sponsor, author = holders
    with pytest.raises(PermissionDenied):
        services.report_people_set(
            actor=councillor, start_year=2025, sponsor=sponsor, author=author
        )
    assert not ReportPeople.objects.exists()


def test_link_officers_are_chosen_from_people_with_the_duty(client_for):
    from tests.champions.factories import ChampionAreaFactory

    area = ChampionAreaFactory()
    holder = core.officer(full_name="Lee Link")
    Duty.objects.create(user=holder, kind=DutyKind.LINK_OFFICER)
    other = core.officer(full_name="Olu Other")
    url = reverse("champions:link_officer_add", args=[area.slug])
    form = client_for("admin").get(url).context["form"]
    assert list(form.fields["officer"].queryset) == [holder]
    response = client_for("admin").post(url, {"officer": other.pk, "job_title": "Manager"})
    assert "officer" in response.context["form"].errors
    assert not area.link_officers.exists()
