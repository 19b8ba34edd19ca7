"""Admins keep one list of themes: add, change, reorder, retire and bring back, never delete."""

import pytest

from corporate_parenting.models import AuditEvent
from voice.models import Principle, Theme

pytestmark = pytest.mark.django_db

FIRST_THEMES = [
    "Housing",
    "Money",
    "Health and wellbeing",
    "Education and work",
    "Relationships and family",
    "Feeling safe",
    "Being listened to",
    "Identity",
]


def test_the_first_themes_and_the_seven_principles_are_there(client_for):
    assert list(Theme.objects.active().values_list("name", flat=True)) == FIRST_THEMES
    page = client_for("councillor").get("/voice/principles/").content.decode()
    assert Principle.objects.count() == 7
    assert "(a) Best interests, health and wellbeing" in page
    assert "to prepare those children and young people for adulthood and independent living" in page


def test_admin_adds_a_theme_and_sees_it_in_the_list(client_for):
    client = client_for("admin")
    response = client.post(
        "/voice/themes/new/",
        {"name": "Leisure and fun", "slug": "", "description": "Clubs, trips", "position": ""},
        follow=True,
    )
    page = response.content.decode()
    assert "Theme ‘Leisure and fun’ saved" in page
    assert "Leisure and fun" in page
    theme = Theme.objects.get(slug="leisure-and-fun")
    assert theme.position == 0 and theme.description == "Clubs, trips"
    assert AuditEvent.objects.filter(action="theme added").exists()


def test_theme_errors_are_on_their_fields_and_keep_what_was_typed(client_for):
    response = client_for("admin").post(
        "/voice/themes/new/",
        {"name": "housing", "slug": "new", "description": "Kept words", "position": "1000"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Enter a position from 0 to 999" in page
    assert "Kept words" in page
    response = client_for("admin").post(
        "/voice/themes/new/", {"name": "housing", "slug": "new", "position": "5"}
    )
    page = response.content.decode()
    assert "There is already a theme called ‘housing’" in page
    assert "‘new’ is used by the portal" in page
    assert Theme.objects.count() == len(FIRST_THEMES)


def test_admin_changes_a_theme(client_for):
    response = client_for("admin").post(
        "/voice/themes/money/edit/",
        {"name": "Money and benefits", "slug": "money", "description": "", "position": "20"},
    )
    assert response.status_code == 302
    assert Theme.objects.get(slug="money").name == "Money and benefits"
    assert AuditEvent.objects.filter(action="theme changed").exists()


def test_admin_moves_a_theme_up_and_down(client_for):
    client = client_for("admin")
    response = client.post("/voice/themes/money/move/", {"direction": "up"}, follow=True)
    assert "‘Money’ moved up" in response.content.decode()
    assert list(Theme.objects.active().values_list("name", flat=True))[:2] == ["Money", "Housing"]
    client.post("/voice/themes/money/move/", {"direction": "down"})
    assert list(Theme.objects.active().values_list("name", flat=True)) == FIRST_THEMES
    response = client.post("/voice/themes/housing/move/", {"direction": "up"}, follow=True)
    assert "‘Housing’ is already first" in response.content.decode()
    response = client.post("/voice/themes/housing/move/", {"direction": "sideways"}, follow=True)
    assert "Choose up or down" in response.content.decode()


def test_retired_theme_leaves_the_list_and_comes_back(client_for):
    client = client_for("admin")
    assert "Retire ‘Identity’?" in client.get("/voice/themes/identity/retire/").content.decode()
    response = client.post("/voice/themes/identity/retire/", follow=True)
    page = response.content.decode()
    assert "‘Identity’ retired: what was tagged with it keeps it" in page
    assert "bring it back" in page
    assert Theme.objects.get(slug="identity").is_retired
    assert "Identity" not in Theme.objects.active().values_list("name", flat=True)
    response = client.post("/voice/themes/identity/retire/", follow=True)
    assert "‘Identity’ is back" in response.content.decode()
    assert not Theme.objects.get(slug="identity").is_retired
    assert Theme.objects.count() == len(FIRST_THEMES)


def test_themes_download_as_csv(client_for):
    response = client_for("admin").get("/voice/themes/?export=csv")
    assert response["Content-Type"].startswith("text/csv")
    assert "Feeling safe,feeling-safe" in response.content.decode()


@pytest.mark.parametrize("role", ["councillor", "officer"])
def test_only_admins_change_themes(client_for, role):
    client = client_for(role)
    assert client.post("/voice/themes/new/", {"name": "Sneaky"}).status_code == 403
    assert client.post("/voice/themes/money/retire/").status_code == 403
    assert client.post("/voice/themes/money/move/", {"direction": "up"}).status_code == 403
    assert not Theme.objects.filter(name="Sneaky").exists()
    assert not Theme.objects.get(slug="money").is_retired


def test_an_emptied_database_gets_the_vocabulary_back_but_an_admins_list_is_kept():
    from voice import vocabulary

    Theme.objects.all().delete()
    Principle.objects.all().delete()
    vocabulary.ensure(Principle, Theme)
    assert list(Theme.objects.values_list("name", flat=True)) == FIRST_THEMES
    assert Principle.objects.count() == 7
    Theme.objects.filter(slug="housing").update(slug="homes", name="Homes")
    vocabulary.ensure(Principle, Theme)
    assert not Theme.objects.filter(slug="housing").exists()
    assert Theme.objects.count() == len(FIRST_THEMES)
