"""The diary's pages: month and list views, sign-up, the admin's forms, the PDF, the feed page."""

import io
from datetime import date, time, timedelta

import pytest
from django.urls import reverse
from pypdf import PdfReader

from champions.models import DbsStatus
from corporate_parenting.years import current_political_year, political_year_for
from events.models import AnnualRule, Event, FeedToken, SignUp
from tests import factories as core
from tests.champions.factories import ChampionAreaFactory, MemberFactory
from tests.events.factories import EventFactory, SignUpFactory, in_days
from tests.helpers import assert_constant_queries


def month_url(day: date, **extra: object) -> str:
    query = "&".join(f"{k}={v}" for k, v in {"year": day.year, "month": day.month, **extra}.items())
    return f"{reverse('events:month')}?{query}"


@pytest.mark.django_db
def test_the_month_view_filters_by_area_and_category(client_for):
    area = ChampionAreaFactory(name="Education")
    day = in_days(30)
    EventFactory(title="School visit", start_date=day, areas=[area], category="engagement")
    EventFactory(title="Training evening", start_date=day, category="training")
    client = client_for("councillor")
    page = client.get(month_url(day)).content.decode()
    assert "School visit" in page and "Training evening" in page
    page = client.get(month_url(day, area=area.pk)).content.decode()
    assert "School visit" in page and "Training evening" not in page
    page = client.get(month_url(day, category="training")).content.decode()
    assert "School visit" not in page and "Training evening" in page


@pytest.mark.django_db
def test_the_month_list_names_each_events_champion_areas_in_order(client_for):
    day = in_days(30)
    EventFactory(
        title="Fun day",
        start_date=day,
        areas=[ChampionAreaFactory(name="Health"), ChampionAreaFactory(name="Education")],
    )
    EventFactory(title="Quiet day", start_date=day)
    page = client_for("councillor").get(month_url(day)).content.decode()
    fun_day = page[page.index(">Fun day</a>\n") :]
    assert "Engagement activity with young people. Areas: Education, Health" in fun_day
    quiet_day = page[page.index(">Quiet day</a>\n") :]
    assert "Engagement activity with young people</p>" in quiet_day


@pytest.mark.django_db
def test_the_month_view_makes_the_same_number_of_queries_with_more_events(client_for, councillor):
    day = in_days(30)

    def grow():
        area = ChampionAreaFactory()
        for n in range(4):
            event = EventFactory(start_date=day, capacity=10, areas=[area])
            SignUpFactory(event=event)
            if n % 2:
                SignUpFactory(event=event, person=councillor)

    grow()
    assert_constant_queries(client_for("councillor"), month_url(day), grow)


@pytest.mark.django_db
def test_the_list_view_makes_the_same_number_of_queries_with_more_events(client_for):
    def grow():
        for _ in range(4):
            SignUpFactory(event=EventFactory(areas=[ChampionAreaFactory()]))

    grow()
    assert_constant_queries(client_for("officer"), reverse("events:list"), grow)


@pytest.mark.django_db
def test_signing_up_from_the_month_view_returns_to_it(client_for, councillor):
    event = EventFactory(start_date=in_days(30))
    back = month_url(event.start_date)
    response = client_for("councillor").post(
        reverse("events:sign_up", kwargs={"pk": event.pk}), {"next": back}
    )
    assert response.status_code == 302 and response.url == back
    assert SignUp.objects.active().filter(event=event, person=councillor).exists()


@pytest.mark.django_db
def test_a_refused_sign_up_explains_why(client_for, councillor):
    MemberFactory(user=councillor, dbs_status=DbsStatus.NOT_STARTED)
    event = EventFactory(involves_children=True, title="Youth club")
    response = client_for("councillor").post(
        reverse("events:sign_up", kwargs={"pk": event.pk}), follow=True
    )
    page = response.content.decode()
    assert "You could not sign up for Youth club" in page
    assert "DBS check" in page
    assert not SignUp.objects.exists()


@pytest.mark.django_db
def test_sign_up_never_redirects_to_another_site(client_for):
    event = EventFactory()
    response = client_for("councillor").post(
        reverse("events:sign_up", kwargs={"pk": event.pk}), {"next": "https://evil.example.com/"}
    )
    assert response.url == reverse("events:detail", kwargs={"pk": event.pk})


@pytest.mark.django_db
def test_an_admin_overrides_a_full_event_with_a_reason(client_for, councillor):
    event = EventFactory(capacity=1)
    SignUpFactory(event=event)
    client = client_for("admin")
    url = reverse("events:signups", kwargs={"pk": event.pk})
    response = client.post(url, {"person": councillor.pk, "override_reason": ""})
    assert response.status_code == 200
    assert "This event is full" in response.content.decode()
    assert not SignUp.objects.filter(person=councillor).exists()
    response = client.post(url, {"person": councillor.pk, "override_reason": "Chair of the panel"})
    assert response.status_code == 302
    assert SignUp.objects.get(person=councillor).override_reason == "Chair of the panel"
    assert "Chair of the panel" in client.get(url).content.decode()


def event_form_data(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "title": "Fostering Fortnight",
        "category": "awareness",
        "start_date": "2027-05-10",
        "end_date": "2027-05-23",
        "start_time": "",
        "end_time": "",
        "audience": "all_members",
        "is_annual": "on",
        "annual_rule": "same_weekday",
        "location": "",
        "online_link": "",
        "description": "",
        "capacity": "",
        "organiser": "Fostering team",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_an_admin_adds_a_multi_day_event(client_for):
    response = client_for("admin").post(reverse("events:create"), event_form_data())
    event = Event.objects.get()
    assert response.url == reverse("events:detail", kwargs={"pk": event.pk})
    assert event.is_all_day and event.dates_label == "10 to 23 May 2027"


@pytest.mark.django_db
def test_end_before_start_shows_the_error_on_the_field_and_keeps_what_was_entered(client_for):
    response = client_for("admin").post(
        reverse("events:create"), event_form_data(end_date="2027-05-01")
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "The end date must be the same as or after the start date" in page
    assert 'value="Fostering Fortnight"' in page
    assert not Event.objects.exists()


@pytest.mark.django_db
def test_capacity_below_the_sign_ups_is_a_form_error_and_nothing_changes(client_for):
    event = EventFactory(capacity=4, title="Round table")
    SignUpFactory.create_batch(3, event=event)
    data = event_form_data(
        title="Round table",
        category="round_table",
        start_date=event.start_date.isoformat(),
        end_date=event.end_date.isoformat(),
        start_time="10:00",
        end_time="12:00",
        capacity="2",
    )
    response = client_for("admin").post(reverse("events:edit", kwargs={"pk": event.pk}), data)
    assert response.status_code == 200
    assert "3 members have signed up already" in response.content.decode()
    event.refresh_from_db()
    assert event.capacity == 4 and event.sequence == 0


@pytest.mark.django_db
def test_roll_forward_needs_the_moving_dates_confirmed(client_for):
    source = EventFactory(
        title="Care Leavers Week",
        start_date=date(2022, 10, 24),
        end_date=date(2022, 10, 30),
        start_time=None,
        end_time=None,
        is_annual=True,
        annual_rule="last_full_week",
    )
    url = reverse("events:roll_forward") + "?year=2022"
    client = client_for("admin")
    page = client.get(url).content.decode()
    assert 'value="2023-10-23"' in page and 'value="2023-10-29"' in page
    fields = {
        f"include_{source.pk}": "on",
        f"start_{source.pk}": "2023-10-23",
        f"end_{source.pk}": "2023-10-29",
    }
    response = client.post(url, fields)
    assert response.status_code == 200
    assert "Confirm the new dates of Care Leavers Week" in response.content.decode()
    assert Event.objects.count() == 1
    response = client.post(url, {**fields, f"confirm_{source.pk}": "on"})
    assert response.status_code == 302
    assert Event.objects.get(rolled_from=source).start_date == date(2023, 10, 23)


@pytest.mark.django_db
def test_dates_for_the_diary_as_a_page_and_a_pdf(client_for):
    EventFactory(
        title="Fostering Fortnight",
        start_date=date(2022, 5, 10),
        end_date=date(2022, 5, 23),
        start_time=None,
        end_time=None,
    )
    EventFactory(
        title="Care Leavers Week",
        start_date=date(2022, 10, 24),
        end_date=date(2022, 10, 30),
        start_time=None,
        end_time=None,
    )
    EventFactory(
        title="True Triumph", start_date=date(2022, 10, 24), start_time=time(18), end_time=time(21)
    )
    EventFactory(title="Next year", start_date=date(2023, 5, 10))
    client = client_for("councillor")
    page = client.get(reverse("events:diary") + "?year=2022").content.decode()
    # As in the seed table: the week first, then the evening that starts on its first day.
    assert page.index("Care Leavers Week") < page.index("True Triumph")
    assert "Dates for the diary 2022/23" in page
    assert "10 to 23 May 2022" in page and "Next year" not in page
    response = client.get(reverse("events:diary_pdf") + "?year=2022")
    assert response["Content-Type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "Fostering Fortnight" in text and "24 to 30 October 2022" in text


@pytest.mark.django_db
def test_the_diary_makes_the_same_number_of_queries_with_more_events(client_for):
    def grow():
        for n in range(4):
            EventFactory(start_date=date(2022, 6 + n, 10), areas=[ChampionAreaFactory()])

    grow()
    assert_constant_queries(client_for("officer"), reverse("events:diary") + "?year=2022", grow)


@pytest.mark.django_db
def test_a_title_with_angle_brackets_shows_as_typed_in_the_diary_and_the_month(client_for):
    event = EventFactory(title="<b>Fish & chips</b>", start_date=in_days(30))
    client = client_for("councillor")
    year = political_year_for(event.start_date).start_year
    diary = client.get(reverse("events:diary") + f"?year={year}").content.decode()
    month = client.get(month_url(event.start_date)).content.decode()
    for page in (diary, month):
        assert "&lt;b&gt;Fish &amp; chips&lt;/b&gt;" in page and "<b>Fish" not in page
        assert f'href="{reverse("events:detail", args=[event.pk])}"' in page


@pytest.mark.django_db
def test_the_public_month_makes_the_same_number_of_queries_with_more_events(client):
    day = in_days(30)

    def grow():
        for _ in range(4):
            EventFactory(start_date=day, is_public=True, areas=[ChampionAreaFactory()])

    grow()
    url = f"{reverse('events:public_month')}?year={day.year}&month={day.month}"
    assert_constant_queries(client, url, grow)


@pytest.mark.django_db
def test_the_roll_forward_page_makes_the_same_number_of_queries_with_more_annual_events(
    client_for,
):
    first_day = current_political_year().start

    def grow():
        for n in range(3):
            EventFactory(
                start_date=first_day + timedelta(days=40 + n),
                is_annual=True,
                annual_rule=AnnualRule.SAME_WEEKDAY if n % 2 else AnnualRule.SAME_DATES,
            )

    grow()
    assert_constant_queries(client_for("admin"), reverse("events:roll_forward"), grow)


@pytest.mark.django_db
def test_the_event_form_and_sign_ups_pages_make_the_same_queries_with_more_members(client_for):
    event = EventFactory(areas=[ChampionAreaFactory()])

    def grow():
        for _ in range(3):
            event.areas.add(ChampionAreaFactory())
            SignUpFactory(event=event, person=core.councillor())

    grow()
    client = client_for("admin")
    for url in (
        reverse("events:create"),
        reverse("events:edit", args=[event.pk]),
        reverse("events:signups", args=[event.pk]),
    ):
        assert_constant_queries(client, url, grow)


@pytest.mark.django_db
def test_public_pages_show_public_events_and_never_names(client):
    public = EventFactory(
        title="Care leavers' celebration", is_public=True, start_time=time(18), end_time=time(21)
    )
    EventFactory(title="Members only", is_public=False)
    SignUpFactory(event=public, person__full_name="Councillor Zed Quill")
    page = client.get(reverse("events:public_list")).content.decode()
    assert "Care leavers&#x27; celebration" in page and "Members only" not in page
    detail = client.get(reverse("events:public_detail", kwargs={"pk": public.pk})).content.decode()
    assert "Quill" not in detail and "Add to calendar" in detail


@pytest.mark.django_db
def test_the_feed_page_makes_changes_and_turns_off_the_address(client_for, councillor):
    client = client_for("councillor")
    client.post(reverse("events:feed_regenerate"))
    stored = FeedToken.objects.get(person=councillor).token_hash
    assert "/events/calendar/" in client.get(reverse("events:feed")).context["feed_url"]
    client.post(reverse("events:feed_regenerate"))
    assert FeedToken.objects.get(person=councillor).token_hash != stored
    client.post(reverse("events:feed_revoke"))
    assert not FeedToken.objects.filter(person=councillor).exists()


@pytest.mark.django_db
def test_home_panels_show_my_next_sign_ups_and_the_admins_upcoming_events(client_for, councillor):
    SignUpFactory(event=EventFactory(title="My round table"), person=councillor)
    EventFactory(title="Someone else's")
    page = client_for("councillor").get("/").content.decode()
    assert "My round table" in page and "Someone else" not in page
    assert reverse("events:feed") in page
    page = client_for("admin").get("/").content.decode()
    assert "My round table" in page and "Someone else" in page
