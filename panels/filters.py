import django_filters
from django.db.models import QuerySet

from corporate_parenting.tables import PortalFilterSet
from panels.models import ActionStatus, Body, Meeting, MeetingStatus, Resolution
from panels.querysets import OPEN_STATUSES


def _bodies(request: object) -> QuerySet[Body]:
    user = getattr(request, "user", None)
    return Body.objects.visible_to(user).distinct() if user else Body.objects.none()


class MeetingFilter(PortalFilterSet):
    body = django_filters.ModelChoiceFilter(queryset=_bodies, empty_label="All bodies")
    status = django_filters.ChoiceFilter(choices=MeetingStatus.choices, empty_label="Any status")

    class Meta:
        model = Meeting
        fields = ("body", "status")


class ActionFilter(PortalFilterSet):
    status = django_filters.ChoiceFilter(
        choices=[("open_or_in_progress", "Open or in progress"), *ActionStatus.choices],
        empty_label="Any status",
        method="filter_status",
    )
    overdue = django_filters.BooleanFilter(
        method="filter_overdue",
        label="Overdue only",
        widget=django_filters.widgets.BooleanWidget(),
    )

    class Meta:
        model = Resolution
        fields = ("status",)

    def filter_status(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if value == "open_or_in_progress":
            return queryset.filter(status__in=OPEN_STATUSES)
        return queryset.filter(status=value)

    def filter_overdue(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        # is_overdue comes with the rows (ResolutionQuerySet.with_due_on), decided there.
        return queryset.filter(is_overdue=True) if value else queryset
