"""Consultations: a participation officer records what was asked, when, who ran it and how many
took part by age band, and its findings with themes, quotes, actions and objectives. Findings and
quotes are moderated before they count or are read beyond staff; what looks like it identifies a
child is flagged on entry and to the moderator (feedback on the offer too). Moderated findings
count per theme per quarter in "What children and young people told us"; the public reads only
what an officer chose to show."""

import datetime as dt

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from corporate_parenting.duties import duty_grant
from corporate_parenting.history.models import EVENT_MODELS
from corporate_parenting.models import DutyKind
from corporate_parenting.years import current_political_year
from offer.models import Feedback
from tests import factories
from tests.helpers import assert_constant_queries
from tests.offer.factories import FeedbackFactory
from tests.panels.factories import ActionFactory
from tests.strategy.factories import ObjectiveFactory
from tests.voice.factories import ConsultationFactory, FindingFactory, QuoteFactory
from voice import consultations as services
from voice import services as theme_services
from voice.consultation_forms import ConsultationForm, FindingForm, QuoteForm
from voice.identifying import (
    EMAIL,
    NAME,
    PHONE,
    POSTCODE,
    SCHOOL,
    identifying_details,
    warnings_for,
)
from voice.models import Consultation, Finding, FindingStatus, Quote, QuoteStatus, Theme
from voice.told import csv_rows, what_we_were_told

pytestmark = pytest.mark.django_db

LIST = reverse("voice:consultation_list")
CREATE = reverse("voice:consultation_create")
MODERATION = reverse("voice:moderation")


def _theme(slug: str) -> Theme:
    return Theme.objects.get(slug=slug)


def _finding(consultation=None, *slugs, status=FindingStatus.APPROVED, **extra) -> Finding:
    finding = FindingFactory(
        consultation=consultation or ConsultationFactory(), status=status, **extra
    )
    finding.themes.set(Theme.objects.filter(slug__in=slugs))
    return finding


def _row(told, slug):
    return next(row for row in told.rows if row.theme.slug == slug)


def _form_data(**changes):
    data = {
        "title": "Make A Noise 2026",
        "kind": "event",
        "asked": "What should the Board work on first?",
        "held_from": "2026-06-13",
        "held_to": "2026-06-14",
        "run_by": "",
        "under_11": "3",
        "aged_11_to_15": "12",
        "aged_16_to_17": "",
        "aged_18_to_21": "8",
        "aged_22_to_25": "0",
        "age_not_known": "1",
    }
    return data | changes


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


# ---------------------------------------------------------------- flagging


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("Ring me on 07700 900123 if you can", PHONE),
        ("my number is +44 7700 900 123", PHONE),
        ("The office is on (0117) 496 0123", PHONE),
        ("write to jo.bloggs@example.com", EMAIL),
        ("I live near SW1A 1AA now", POSTCODE),
        ("the flat is in m1 1ae", POSTCODE),
        ("I go to Riverside Academy", SCHOOL),
        ("at Oakfield Primary they help", SCHOOL),
        ("Hillside High School is good", SCHOOL),
        ("the teachers at St Mary's College", SCHOOL),
        ("My name is jamie and I am 17", NAME),
        ("Mrs Patel helped me", NAME),
        ("I told Jamie Smith about it", NAME),
        ("Jamie Smith told me", NAME),
    ],
)
def test_what_looks_identifying_is_flagged(text, flag):
    assert flag in identifying_details(text)


@pytest.mark.parametrize(
    "text",
    [
        "The bus pass stops at 18 but I am still at college.",
        "Nobody told me the council can be a guarantor for a phone contract.",
        "My social worker changed three times this year. I had to tell my story again.",
        "Rent is 450 a month and 12 months is a long time",
        "We went to Make A Noise on Monday and the Virtual School helped",
        "I want my Personal Adviser to call me back",
        "",
    ],
)
def test_ordinary_words_are_not_flagged(text):
    assert identifying_details(text) == []


def test_each_flag_once_in_a_fixed_order_and_said_as_a_warning():
    text = "Call 07700 900123 or 07700 900124, or email a@b.org, Mr Jones"
    assert identifying_details(text) == [NAME, PHONE, EMAIL]
    assert warnings_for("07700 900123") == ["Looks like a phone number: check before approving"]


def test_very_long_text_is_read_quickly_and_still_flagged():
    text = "word " * 100_000 + "07700 900123"
    started = timezone.now()
    assert identifying_details("07700 900123 " + text) == [PHONE]
    assert (timezone.now() - started).total_seconds() < 2


# ---------------------------------------------------------------- the duty and the services


def test_participation_officer_is_a_duty_and_offered_as_who_ran_it(officer, portal_admin):
    other = factories.officer(full_name="Zed Other")
    duty_grant(actor=portal_admin, user=officer, kind=DutyKind.PARTICIPATION_OFFICER)
    assert list(services.participation_officers()) == [officer]
    # The one already chosen stays on the list after giving up the duty.
    assert set(services.participation_officers(other)) == {officer, other}
    assert services.default_run_by(officer) == officer
    assert services.default_run_by(other) is None
    form = ConsultationForm()
    options = form.as_div()
    assert '<option value="" selected>Not recorded</option>' in options
    assert f'<option value="{officer.pk}">Sam Patel</option>' in options
    assert "Zed Other" not in options


def test_only_council_staff_record_consultations(councillor, officer):
    with pytest.raises(PermissionDenied):
        services.consultation_save(
            actor=councillor,
            consultation=None,
            title="A survey",
            kind="survey",
            asked="What is missing?",
            held_from=dt.date(2026, 6, 1),
        )
    saved = services.consultation_save(
        actor=officer,
        consultation=None,
        title="A survey",
        kind="survey",
        asked="What is missing?",
        held_from=dt.date(2026, 6, 1),
        held_to=dt.date(2026, 6, 1),
        age_bands={"aged_16_to_17": 5, "age_not_known": None},
    )
    assert saved.held_to is None  # one day: held on, not from and to
    assert saved.took_part == 5
    assert saved.entered_by == officer
    assert saved.when == "1 June 2026"


def test_consultation_errors_name_the_field(officer):
    with pytest.raises(ValidationError) as caught:
        services.consultation_save(
            actor=officer,
            consultation=None,
            title=" ",
            kind="party",
            asked="",
            held_from=dt.date(2026, 6, 2),
            held_to=dt.date(2026, 6, 1),
            run_by=factories.officer(),
            age_bands={"under_11": -1, "aged_22_to_25": 100_001},
        )
    errors = caught.value.message_dict
    assert set(errors) == {
        "title",
        "kind",
        "asked",
        "held_to",
        "run_by",
        "under_11",
        "aged_22_to_25",
    }
    assert errors["held_to"] == [
        "The date it ended must be the same as or after the date it started"
    ]
    assert not Consultation.objects.exists()


def test_a_new_finding_and_its_quote_wait_and_warn(officer):
    consultation = ConsultationFactory()
    saved = services.finding_save(
        actor=officer,
        consultation=consultation,
        finding=None,
        statement="Young people at Riverside Academy want more help with homework",
        themes=[_theme("education-and-work")],
        quote="Text me on 07700 900123",
    )
    assert saved.finding.status == FindingStatus.PENDING
    assert [q.status for q in saved.finding.quotes.all()] == [QuoteStatus.PENDING]
    assert saved.warnings == [
        "Looks like the name of a school or college: check before approving",
        "Looks like a phone number: check before approving",
    ]
    assert not Finding.objects.moderated().exists()


def test_changed_words_are_moderated_again_but_new_links_are_not(officer):
    finding = _finding(None, "money", status=FindingStatus.SHOWN, we_did="We did it")
    action = ActionFactory()
    saved = services.finding_save(
        actor=officer,
        consultation=finding.consultation,
        finding=finding,
        statement=finding.statement,
        themes=[_theme("money")],
        actions=[action],
    )
    assert saved.finding.status == FindingStatus.SHOWN
    assert list(saved.finding.actions.all()) == [action]
    saved = services.finding_save(
        actor=officer,
        consultation=finding.consultation,
        finding=finding,
        statement="Different words",
        themes=[_theme("money")],
    )
    assert saved.finding.status == FindingStatus.PENDING
    assert not Finding.objects.you_said_we_did().exists()


def test_a_retired_theme_cannot_be_chosen_for_a_new_finding(officer, portal_admin):
    theme_services.theme_retire(actor=portal_admin, theme=_theme("identity"))
    with pytest.raises(ValidationError) as caught:
        services.finding_save(
            actor=officer,
            consultation=ConsultationFactory(),
            finding=None,
            statement="Words",
            themes=[_theme("identity")],
        )
    assert "themes" in caught.value.message_dict


def test_a_decision_of_the_panel_is_not_an_action_to_link(officer):
    decision = ActionFactory(is_action=False, status="", owner=None)
    with pytest.raises(ValidationError) as caught:
        services.finding_save(
            actor=officer,
            consultation=ConsultationFactory(),
            finding=None,
            statement="Words",
            actions=[decision],
        )
    assert "actions" in caught.value.message_dict


def test_moderation_approves_shows_or_rejects(officer, councillor):
    finding = _finding(None, "money", status=FindingStatus.PENDING)
    with pytest.raises(PermissionDenied):
        services.finding_moderate(actor=councillor, finding=finding, decision="approve")
    with pytest.raises(ValidationError) as caught:
        services.finding_moderate(actor=officer, finding=finding, decision="show")
    assert "we_did" in caught.value.message_dict
    services.finding_moderate(actor=officer, finding=finding, decision="approve")
    assert list(Finding.objects.moderated()) == [finding]
    assert not Finding.objects.you_said_we_did().exists()
    services.finding_moderate(
        actor=officer, finding=finding, decision="show", we_did="We changed the leaflet"
    )
    assert list(Finding.objects.you_said_we_did()) == [finding]
    services.finding_moderate(actor=officer, finding=finding, decision="reject")
    assert not Finding.objects.moderated().exists()
    finding.refresh_from_db()
    assert finding.moderated_by == officer


def test_a_quote_is_read_once_approved_and_its_finding_counts(officer):
    finding = _finding(None, status=FindingStatus.PENDING)
    quote = QuoteFactory(finding=finding, status=QuoteStatus.PENDING)
    services.quote_moderate(actor=officer, quote=quote, approve=True)
    assert not Quote.objects.readable().exists()  # its finding is not approved yet
    services.finding_moderate(actor=officer, finding=finding, decision="approve")
    assert list(Quote.objects.readable()) == [quote]
    services.quote_moderate(actor=officer, quote=quote, approve=False)
    assert not Quote.objects.readable().exists()


def test_changes_are_in_the_history_themes_too(officer, portal_admin):
    theme_services.theme_save(
        actor=portal_admin, theme=_theme("money"), name="Money and bills", slug="money"
    )
    theme_events = EVENT_MODELS[Theme].objects.filter(pgh_obj_id=_theme("money").pk)
    assert "Money and bills" in [event.name for event in theme_events]
    finding = _finding(None, status=FindingStatus.PENDING)
    services.finding_moderate(actor=officer, finding=finding, decision="reject")
    statuses = list(
        EVENT_MODELS[Finding]
        .objects.filter(pgh_obj_id=finding.pk)
        .order_by("pgh_id")
        .values_list("status", flat=True)
    )
    assert statuses == [FindingStatus.PENDING, FindingStatus.REJECTED]


# ---------------------------------------------------------------- what young people told us


def test_moderated_findings_count_once_per_theme_in_the_quarter_held():
    year = current_political_year()
    first = ConsultationFactory(held_from=year.start + dt.timedelta(days=10))
    fourth = ConsultationFactory(held_from=year.end - dt.timedelta(days=3))
    _finding(first, "money", "housing")
    _finding(first, "money", status=FindingStatus.SHOWN, we_did="Done")
    _finding(fourth, "money")
    _finding(first, "money", status=FindingStatus.PENDING)
    _finding(first, "money", status=FindingStatus.REJECTED)
    before = ConsultationFactory(held_from=year.start - dt.timedelta(days=300))
    _finding(before, "money")
    told = what_we_were_told(year, today=year.end)
    money = _row(told, "money")
    assert money.consultations == [2, 0, 0, 1]
    assert money.consultations_before == 1
    assert money.from_consultations == 3
    assert money.year == 3
    assert _row(told, "housing").from_consultations == 1
    header, *rows = list(csv_rows(told))
    money_csv = next(r for r in rows if r[0] == "Money")
    assert money_csv[header.index(f"Consultations, {told.period_label}")] == "fewer than 5"
    assert (
        money_csv[header.index(f"Children in Care Council, {told.period_label}")] == "fewer than 5"
    )


def test_the_public_counts_only_findings_chosen_to_be_shown():
    year = current_political_year()
    held = ConsultationFactory(held_from=year.start + dt.timedelta(days=5))
    for _ in range(5):
        _finding(held, "money", status=FindingStatus.SHOWN, we_did="We wrote a money guide")
    _finding(held, "money")
    _finding(held, "money", status=FindingStatus.PENDING)
    public = what_we_were_told(year, public=True, today=year.end)
    assert _row(public, "money").year == 5
    members = what_we_were_told(year, today=year.end)
    assert _row(members, "money").year == 6


def test_approved_quotes_and_what_was_done_are_among_the_words():
    year = current_political_year()
    held = ConsultationFactory(title="Make A Noise", held_from=year.start + dt.timedelta(days=5))
    action = ActionFactory(text="Write to every care leaver about the allowance")
    linked = _finding(held, "money", statement="They did not know about the allowance")
    linked.actions.set([action])
    QuoteFactory(finding=linked, text="Nobody told me")
    QuoteFactory(finding=linked, text="Pending words", status=QuoteStatus.PENDING)
    QuoteFactory(finding=linked, text="Rejected words", status=QuoteStatus.REJECTED)
    hidden = _finding(held, "money", status=FindingStatus.PENDING)
    QuoteFactory(finding=hidden, text="Quote of a finding waiting")
    told = what_we_were_told(year, today=year.end)
    money = _row(told, "money")
    assert [q.said for q in money.quotes] == ["Nobody told me"]
    assert money.quotes[0].source == "Consultation: Make A Noise"
    # The action is in minutes not yet public: said so, without its words.
    assert [(a.said, a.did) for a in money.answers] == [
        (
            "They did not know about the allowance",
            "An action of the panel, in minutes not yet public",
        )
    ]
    public = what_we_were_told(year, public=True, today=year.end)
    assert _row(public, "money").quotes == []
    assert _row(public, "money").answers == []
    # Shown: its answer is public, in the moderator's words; its quotes are still not.
    services.finding_moderate(
        actor=factories.officer(), finding=linked, decision="show", we_did="We wrote"
    )
    public = what_we_were_told(year, public=True, today=year.end)
    assert _row(public, "money").quotes == []
    assert [(a.said, a.did) for a in _row(public, "money").answers] == [
        ("They did not know about the allowance", "We wrote")
    ]


def test_the_members_page_shows_consultations_and_its_queries_stay_fixed(client_for):
    year = current_political_year()
    client = client_for("councillor")
    url = reverse("voice:index") + f"?year={year.start_year}"

    def grow():
        for n in range(4):
            held = ConsultationFactory(held_from=year.start + dt.timedelta(days=n))
            finding = _finding(held, "money", "housing", we_did=f"We did {n}")
            finding.actions.set([ActionFactory()])
            finding.objectives.set([ObjectiveFactory()])
            QuoteFactory(finding=finding)

    grow()
    assert_constant_queries(client, url, grow)
    page = client.get(url).content.decode()
    assert "I did not know who to ask" in page
    assert "We did 3" in page


# ---------------------------------------------------------------- pages


def test_officer_records_a_consultation_with_age_bands(client_for, officer, portal_admin):
    duty_grant(actor=portal_admin, user=officer, kind=DutyKind.PARTICIPATION_OFFICER)
    client = client_for("officer")
    page = client.get(CREATE).content.decode()
    assert f'<option value="{officer.pk}" selected>Sam Patel</option>' in page
    response = client.post(CREATE, _form_data(run_by=str(officer.pk)))
    consultation = Consultation.objects.get()
    assert response.status_code == 302
    assert response.url == consultation.get_absolute_url()
    assert consultation.age_bands == [
        ("Under 11", 3),
        ("11 to 15", 12),
        ("16 to 17", 0),
        ("18 to 21", 8),
        ("22 to 25", 0),
        ("Age not known", 1),
    ]
    assert consultation.run_by == officer
    assert _messages(response) == ["Consultation ‘Make A Noise 2026’ saved"]
    detail = client.get(response.url).content.decode()
    assert "13 June 2026 to 14 June 2026" in detail
    assert "Add a finding" in detail


def test_consultation_form_errors_are_on_their_fields_and_keep_what_was_typed(client_for):
    client = client_for("officer")
    response = client.post(
        CREATE,
        _form_data(held_to="2026-06-01", aged_11_to_15="lots", asked="Line one\r\nline two"),
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"aged_11_to_15", "held_to"}
    assert form.errors["aged_11_to_15"] == [
        "Enter how many aged 11 to 15 took part as a whole number, like 12"
    ]
    assert "Make A Noise 2026" in response.content.decode()
    response = client.post(CREATE, _form_data(held_to="2026-06-01"))
    assert response.context["form"].errors["held_to"] == [
        "The date it ended must be the same as or after the date it started"
    ]
    assert not Consultation.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", "Make\x00A Noise"),
        ("title", "Make\r\nA Noise"),
        ("title", "x" * 10_000),
        ("asked", "What\x00 now"),
        ("asked", "x" * 10_000),
        ("under_11", "9" * 10_000),
        ("held_from", "9" * 10_000),
        ("kind", "\x00"),
        ("run_by", "99999999999999999999"),
    ],
)
def test_hostile_consultation_input_is_refused_on_its_field(client_for, field, value):
    response = client_for("officer").post(CREATE, _form_data(**{field: value}))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Consultation.objects.exists()


@pytest.mark.parametrize(
    ("form_class", "data", "field"),
    [
        (FindingForm, {"statement": "x\x00y"}, "statement"),
        (FindingForm, {"statement": "x" * 10_000}, "statement"),
        (FindingForm, {"statement": "ok", "quote": "x" * 10_000}, "quote"),
        (FindingForm, {"statement": "ok", "themes": ["\x00"]}, "themes"),
        (FindingForm, {"statement": "ok", "actions": ["9" * 30]}, "actions"),
        (QuoteForm, {"text": "x\x00y"}, "text"),
        (QuoteForm, {"text": "x" * 10_000}, "text"),
    ],
)
def test_hostile_finding_and_quote_input_is_refused(form_class, data, field):
    form = form_class(data)
    assert not form.is_valid()
    assert field in form.errors


def test_a_finding_with_a_phone_number_saves_with_a_warning(client_for):
    consultation = ConsultationFactory()
    client = client_for("officer")
    url = reverse("voice:finding_add", args=[consultation.pk])
    response = client.post(
        url,
        {
            "statement": "They want a number to ring out of hours\r\nat any time",
            "themes": [_theme("being-listened-to").pk, _theme("feeling-safe").pk],
            "quote": "Just ring 07700 900123 and ask for me",
        },
        follow=True,
    )
    page = response.content.decode()
    assert "Finding saved: it waits for moderation before it counts" in page
    assert "Looks like a phone number: check before approving" in page
    finding = Finding.objects.get()
    assert finding.status == FindingStatus.PENDING
    assert {t.slug for t in finding.themes.all()} == {"being-listened-to", "feeling-safe"}
    assert finding.quotes.get().text == "Just ring 07700 900123 and ask for me"


def test_members_read_only_what_was_approved(client_for):
    consultation = ConsultationFactory()
    approved = _finding(consultation, "money", statement="Approved finding")
    QuoteFactory(finding=approved, text="Approved quote")
    QuoteFactory(finding=approved, text="Waiting quote", status=QuoteStatus.PENDING)
    _finding(consultation, status=FindingStatus.PENDING, statement="Waiting finding")
    _finding(consultation, status=FindingStatus.REJECTED, statement="Rejected finding")
    url = consultation.get_absolute_url()
    member = client_for("councillor").get(url).content.decode()
    assert "Approved finding" in member and "Approved quote" in member
    for hidden in ("Waiting quote", "Waiting finding", "Rejected finding", "Add a finding"):
        assert hidden not in member
    staff = client_for("officer").get(url).content.decode()
    for shown in ("Waiting quote", "Waiting finding", "Rejected finding", "Add a finding"):
        assert shown in staff


def test_the_list_pages_exports_and_says_when_empty(client_for):
    client = client_for("councillor")
    assert "No consultations have been recorded yet." in client.get(LIST).content.decode()
    for _ in range(30):
        ConsultationFactory()
    ConsultationFactory(title="Forum in June", aged_16_to_17=4, aged_18_to_21=7, is_demo=True)
    page = client.get(LIST).content.decode()
    assert "Forum in June" in page and "Demonstration" in page  # the newest, first
    assert "page=2" in page
    assert "Record a consultation" not in page
    csv = client.get(LIST + "?export=csv").content.decode()
    assert "Forum in June" in csv
    assert csv.count("\n") == 32  # the header and every consultation, not one page
    assert 'Forum in June,"An event, such as Make A Noise",11,' in csv
    ConsultationFactory(title="Small forum", aged_16_to_17=1, aged_18_to_21=2)
    csv = client.get(LIST + "?export=csv").content.decode()
    assert 'Small forum,"An event, such as Make A Noise",fewer than 5,' in csv
    assert "Record a consultation" in client_for("officer").get(LIST).content.decode()


def test_moderating_a_finding_and_its_quotes(client_for, officer):
    finding = _finding(None, "money", status=FindingStatus.PENDING, statement="Mrs Jones said")
    quote = QuoteFactory(finding=finding, text="email me a@b.org", status=QuoteStatus.PENDING)
    client = client_for("officer")
    queue = client.get(MODERATION).content.decode()
    assert "Mrs Jones said" in queue
    assert "Looks like a person&#x27;s name" in queue or "Looks like a person's name" in queue
    assert "Looks like an e-mail address" in queue
    url = reverse("voice:finding_moderate", args=[finding.pk])
    page = client.get(url).content.decode()
    assert "Looks like an e-mail address: check before approving" in page
    response = client.post(reverse("voice:quote_moderate", args=[quote.pk]), {"decision": "reject"})
    assert response.url == url
    assert _messages(response) == ["Quote rejected"]
    response = client.post(url, {"decision": "show", "we_did": ""})
    assert response.context["form"].errors["we_did"] == [
        "Enter what was done about it, to show it publicly"
    ]
    response = client.post(url, {"decision": "approve", "we_did": ""})
    assert response.url == MODERATION
    assert _messages(response) == ["Decision saved"]
    finding.refresh_from_db()
    quote.refresh_from_db()
    assert (finding.status, quote.status) == (FindingStatus.APPROVED, QuoteStatus.REJECTED)
    assert "Nothing is waiting for moderation." in client.get(MODERATION).content.decode()


def test_a_quote_decision_must_be_approve_or_reject(client_for):
    quote = QuoteFactory(status=QuoteStatus.PENDING)
    response = client_for("officer").post(
        reverse("voice:quote_moderate", args=[quote.pk]), {"decision": "approve\x00"}
    )
    assert _messages(response) == ["Choose whether to approve or reject the quote"]
    quote.refresh_from_db()
    assert quote.status == QuoteStatus.PENDING


def test_editing_a_finding_keeps_its_links_and_sends_new_words_back(client_for):
    finding = _finding(None, "money", statement="Old words")
    objective = ObjectiveFactory()
    url = reverse("voice:finding_edit", args=[finding.pk])
    client = client_for("officer")
    page = client.get(url).content.decode()
    assert "Old words" in page and "quote" not in client.get(url).context["form"].fields
    response = client.post(
        url,
        {"statement": "New words", "themes": [_theme("money").pk], "objectives": [objective.pk]},
    )
    assert response.url == finding.consultation.get_absolute_url()
    finding.refresh_from_db()
    assert finding.status == FindingStatus.PENDING
    assert list(finding.objectives.all()) == [objective]


def test_adding_a_quote_to_a_finding(client_for):
    finding = _finding()
    response = client_for("officer").post(
        reverse("voice:quote_add", args=[finding.pk]), {"text": "I live at B33 8TH"}
    )
    assert response.url == finding.consultation.get_absolute_url()
    assert _messages(response) == [
        "Quote added: it waits for moderation",
        "Looks like a postcode: check before approving",
    ]
    assert finding.quotes.get().status == QuoteStatus.PENDING


def test_feedback_moderation_flags_identifying_details(client_for):
    item = FeedbackFactory(
        kind=Feedback.Kind.MISSING, text="Call me on 07700 900123", status=Feedback.Status.NEW
    )
    client = client_for("officer")
    page = client.get(reverse("offer:feedback_moderate", args=[item.pk])).content.decode()
    assert "Looks like a phone number: check before approving" in page
    listing = client.get(reverse("offer:feedback_list")).content.decode()
    assert "Looks like a phone number" in listing
    csv = client.get(reverse("offer:feedback_list") + "?export=csv").content.decode()
    assert "Looks like a phone number" in csv


def test_pages_make_the_same_queries_as_findings_grow(client_for):
    consultation = ConsultationFactory()

    def grow():
        for n in range(3):
            finding = _finding(consultation, "money", "housing", statement=f"Finding {n}")
            finding.actions.set([ActionFactory()])
            finding.objectives.set([ObjectiveFactory()])
            QuoteFactory(finding=finding, status=QuoteStatus.PENDING)
            QuoteFactory(finding=finding)
            pending = _finding(consultation, "money", status=FindingStatus.PENDING)
            QuoteFactory(finding=pending, status=QuoteStatus.PENDING)
            ConsultationFactory()

    grow()
    staff = client_for("officer")
    for client in (staff, client_for("councillor")):
        assert_constant_queries(client, consultation.get_absolute_url(), grow)
        assert_constant_queries(client, LIST, grow)
    assert_constant_queries(staff, MODERATION, grow)
    finding = Finding.objects.earliest("pk")
    assert_constant_queries(staff, reverse("voice:finding_moderate", args=[finding.pk]), grow)


def test_the_public_summary_reads_only_findings_chosen_to_be_shown(client):
    year = current_political_year()
    held = ConsultationFactory(held_from=year.start + dt.timedelta(days=5))
    _finding(
        held,
        "money",
        statement="Shown words",
        we_did="We wrote a money guide",
        status=FindingStatus.SHOWN,
    )
    approved = _finding(held, "money", statement="Members-only words", we_did="Members did")
    QuoteFactory(finding=approved, text="An approved quote")
    page = client.get(reverse("voice:public") + f"?year={year.start_year}").content.decode()
    assert "Shown words" in page and "We wrote a money guide" in page
    for private in ("Members-only words", "Members did", "An approved quote"):
        assert private not in page
    assert "fewer than 5" in page  # one shown finding counted for money


def test_changing_a_consultation_keeps_who_ran_it_after_they_gave_up_the_duty(
    client_for, officer, portal_admin
):
    consultation = ConsultationFactory(run_by=officer, is_demo=True)
    url = reverse("voice:consultation_edit", args=[consultation.pk])
    client = client_for("officer")
    assert "Sam Patel" in client.get(url).content.decode()
    response = client.post(
        url, _form_data(title="Make A Noise, changed", run_by=str(officer.pk), held_to="")
    )
    assert response.url == consultation.get_absolute_url()
    consultation.refresh_from_db()
    assert (consultation.title, consultation.run_by, consultation.held_to) == (
        "Make A Noise, changed",
        officer,
        None,
    )
    assert consultation.is_demo  # still marked as invented
    page = client.get(response.url).content.decode()
    assert "Invented for the demonstration" in page
