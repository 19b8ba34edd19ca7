import pytest

from champions.models import Appointment, ChampionArea, Engagement, Member
from corporate_parenting.years import current_political_year
from tests.bench.build_champions import build_champions
from tests.bench.data import build_people

pytestmark = pytest.mark.django_db


def test_bench_builder_makes_its_sizes_with_engagements_in_championed_areas():
    build_people(1)
    rows = build_champions(1)
    assert rows == {
        "champion_areas": 8,
        "members": 6,
        "appointments": 6,
        "link_officers": 4,
        "engagements": 5000,
    }
    assert ChampionArea.objects.count() == 8 and Member.objects.count() == 6
    assert Engagement.objects.count() == 5000
    year = current_political_year()
    # The last area is never championed, so coverage always has a vacancy to show (at factor 1
    # six members cover six of the other seven).
    assert ChampionArea.objects.vacant_in(year).count() == 2
    engagement = Engagement.objects.in_year(year).first()
    assert engagement is not None
    assert Appointment.objects.filter(
        member=engagement.member, area=engagement.area, start_year=year.start_year
    ).exists()
