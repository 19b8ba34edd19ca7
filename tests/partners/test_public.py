"""What the public reads of partners: each organisation's made pledges and reported progress,
never a draft, an evidence file, a contact or who reported; the Board's public page lists its
partners, and its coming meetings carry the late pledges as a standing item."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from partners.models import PartnerOrganisation, Pledge, ProgressUpdate
from tests.panels.factories import BodyFactory, MeetingFactory
from voice.models import Principle

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def _pledge(organisation, what, *, made=True, due=30):
    return Pledge.objects.create(
        organisation=organisation,
        year=TODAY.year,
        what=what,
        for_whom="both",
        how_shown="Counted each quarter",
        due_on=TODAY + datetime.timedelta(days=due),
        principle=Principle.objects.get(letter="c"),
        made_at=timezone.now() if made else None,
    )


def test_the_public_page_shows_made_pledges_and_progress_only(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    trust = PartnerOrganisation.objects.create(
        name="Northfield Health",
        slug="northfield-health",
        kind="nhs",
        is_statutory=True,
        contact_email="private.contact@example.org",
    )
    made = _pledge(trust, "A named nurse for every care leaver")
    _pledge(trust, "A draft not yet made", made=False)
    update = ProgressUpdate(
        pledge=made, reported_on=TODAY, summary="Nurses in post", figure="5 of 6 areas"
    )
    update.file.save("e.pdf", ContentFile(b"%PDF-1.4"), save=True)
    page = Client().get(reverse("partners:public_detail", args=["northfield-health"]))
    text = page.content.decode()
    assert "A named nurse for every care leaver" in text and "Nurses in post" in text
    assert "5 of 6 areas" in text and "On track" in text
    assert "A draft not yet made" not in text
    assert "private.contact@example.org" not in text
    assert reverse("partners:evidence", args=[update.pk]) not in text
    listing = Client().get(reverse("partners:public_list")).content.decode()
    assert "Northfield Health" in listing and "1 pledge)" in listing


def test_the_boards_public_page_lists_its_partners_and_its_agenda_carries_late_pledges(
    client_for,
):
    board = BodyFactory(name="Corporate Parenting Board", slug="board", is_public=True)
    police = PartnerOrganisation.objects.create(
        name="Northfield Constabulary", slug="police", kind="police", board=board
    )
    PartnerOrganisation.objects.create(name="Elsewhere Trust", slug="elsewhere", kind="nhs")
    _pledge(police, "A named officer for each children's home", due=-2)
    _pledge(police, "A protocol on criminalisation", due=20)
    public = Client().get(reverse("panels:public_body", args=["board"])).content.decode()
    assert "Northfield Constabulary" in public and "Elsewhere Trust" not in public

    coming = MeetingFactory(body=board, date=TODAY + datetime.timedelta(days=7))
    held = MeetingFactory(body=board, date=TODAY - datetime.timedelta(days=7))
    officer = client_for("officer")
    page = officer.get(coming.get_absolute_url()).content.decode()
    assert "Standing item: partners' pledges that are late" in page
    assert "A named officer for each children" in page
    assert "A protocol on criminalisation" not in page
    # A held meeting's page keeps what its agenda said, not today's list.
    assert "Standing item: partners" not in officer.get(held.get_absolute_url()).content.decode()


def test_both_agenda_packs_carry_the_late_pledges_with_the_action_log():
    from panels.models import ItemKind
    from panels.reports.pack import pack_content_key, pack_entries
    from tests.panels.factories import AgendaItemFactory

    board = BodyFactory(slug="board", is_public=True)
    police = PartnerOrganisation.objects.create(
        name="Northfield Constabulary", slug="police", kind="police", board=board
    )
    meeting = MeetingFactory(
        body=board, date=TODAY + datetime.timedelta(days=7), agenda_published_at=timezone.now()
    )
    AgendaItemFactory(meeting=meeting, kind=ItemKind.ACTION_LOG, title="Action log")
    before = pack_content_key(meeting, "public")
    late = _pledge(police, "A named officer for each children's home", due=-2)
    for edition in ("public", "full"):
        [log] = [e for e in pack_entries(meeting, edition) if e.item.kind == ItemKind.ACTION_LOG]
        assert log.pledges == [late]
    assert pack_content_key(meeting, "public") != before
