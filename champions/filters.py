import django_filters
from django.db.models import QuerySet

from champions.models import ChampionArea, EngagementKind, EngagementStatus, Member
from champions.querysets import OPEN_FOLLOW_UP, EngagementQuerySet
from corporate_parenting.tables import PortalFilterSet
from corporate_parenting.years import current_political_year, political_year_starting


def year_choices(count: int = 6) -> list[tuple[int, str]]:
    year = current_political_year()
    choices = []
    for _ in range(count):
        choices.append((year.start_year, year.label))
        year = year.previous()
    return choices


class EngagementFilter(PortalFilterSet):
    year = django_filters.ChoiceFilter(
        label="Political year",
        choices=year_choices,
        method="filter_year",
        empty_label="Any year",
    )
    area = django_filters.ModelChoiceFilter(
        label="Area",
        # The drop-downs read what their options show, not the areas' and people's whole rows.
        queryset=ChampionArea.objects.only("pk", "name"),
        empty_label="Any area",
    )
    kind = django_filters.ChoiceFilter(
        label="Kind", choices=EngagementKind.choices, empty_label="Any kind"
    )
    member = django_filters.ModelChoiceFilter(
        label="Champion",
        queryset=Member.objects.with_user().only("pk", "user__full_name", "user__email"),
        empty_label="Any champion",
    )
    status = django_filters.ChoiceFilter(
        label="Status",
        choices=EngagementStatus.choices,
        empty_label="Any status",
    )
    follow_up = django_filters.ChoiceFilter(
        label="Follow-up",
        field_name="follow_up_status",
        choices=[
            ("open", "Open"),
            ("in_progress", "In progress"),
            ("done", "Done"),
            ("waiting", "Open or in progress"),
        ],
        method="filter_follow_up",
        empty_label="Any",
    )

    def __init__(self, *args, show_member: bool = True, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not show_member:
            del self.filters["member"]

    def filter_year(
        self, queryset: EngagementQuerySet, name: str, value: str
    ) -> EngagementQuerySet:
        return queryset.in_year(political_year_starting(int(value))) if value else queryset

    def filter_follow_up(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if value == "waiting":
            return queryset.filter(OPEN_FOLLOW_UP)  # what the home page counts
        return queryset.filter(follow_up_status=value)
