import django_filters
from django import forms

from champions.models import ChampionArea
from corporate_parenting.tables import PortalFilterSet
from events.models import Category, Event


class EventFilter(PortalFilterSet):
    area = django_filters.ModelChoiceFilter(
        field_name="areas",
        queryset=ChampionArea.objects.only("pk", "name").order_by("name"),
        label="Champion area",
        empty_label="All areas",
        widget=forms.Select(attrs={"class": "govuk-select"}),
    )
    category = django_filters.ChoiceFilter(
        choices=Category.choices,
        empty_label="All categories",
        widget=forms.Select(attrs={"class": "govuk-select"}),
    )

    class Meta:
        model = Event
        fields = ("area", "category")
