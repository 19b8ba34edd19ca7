"""The admin home says what the champion areas' state is: none yet (with where to add one),
some vacant, or every one with a champion."""

import pytest

from tests.champions.factories import AppointmentFactory, ChampionAreaFactory

pytestmark = pytest.mark.django_db


def test_with_no_areas_the_admin_home_says_so_and_links_to_where_areas_are_added(client_for):
    client = client_for("admin")
    home = client.get("/").text
    assert "Every area has a champion" not in home
    assert "There are no champion areas yet." in home
    assert 'href="/champions/areas/new/">Add a champion area</a>' in home
    assert client.get("/champions/areas/new/").status_code == 200  # not a dead link
    assert "Add a champion area" in client.get("/champions/coverage/").text


def test_the_admin_home_names_the_vacant_areas_then_says_every_area_has_a_champion(client_for):
    AppointmentFactory(area=ChampionAreaFactory(name="Fostering"))
    vacant = ChampionAreaFactory(name="Adoption and Permanence")
    home = client_for("admin").get("/").text
    assert "1 of 2 areas vacant: Adoption and Permanence." in home
    AppointmentFactory(area=vacant)
    home = client_for("admin").get("/").text
    assert "Every area has a champion." in home
    assert "no champion areas yet" not in home and "Add a champion area" not in home
