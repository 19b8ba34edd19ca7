"""The papers search takes whatever is typed or pasted: control characters are dropped from the
words (PostgreSQL cannot hold a NUL), never an error page."""

import pytest
from django.urls import reverse

from tests.conftest import ROLES
from tests.panels.factories import AgendaItemFactory, BodyFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "query",
    ["%00", "care%00leavers", "%1F%7F", "care%0D%0Aleavers", "%00&kind=nonsense", "%00&year=x"],
)
def test_control_characters_in_the_search_are_dropped_for_everyone(client_for, role, query):
    response = client_for(role).get(f"{reverse('panels:papers_search')}?q={query}")
    assert response.status_code == 200
    text = response.content.decode()
    assert "\x00" not in text and "\x1f" not in text
    assert "NUL" not in text and "Traceback" not in text


def test_words_either_side_of_a_control_character_are_still_found(client):
    body = BodyFactory(is_public=True)
    meeting = MeetingFactory(body=body, agenda_published_at="2026-01-05T10:00:00Z")
    AgendaItemFactory(meeting=meeting, position=1, title="Care leavers' housing offer")
    response = client.get(f"{reverse('panels:papers_search')}?q=housing%00offer")
    assert response.status_code == 200
    assert response.context["criteria"]["q"] == "housing offer"
    assert 'value="housing offer"' in response.content.decode()
