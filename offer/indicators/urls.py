"""The indicators' pages, inside the offer's namespace (offer:indicator_list ...)."""

from django.urls import path

from offer.indicators import views

urlpatterns = [
    path("indicators/", views.indicator_list, name="indicator_list"),
    path("indicators/new/", views.indicator_create, name="indicator_create"),
    path("indicators/import/", views.indicator_import, name="indicator_import"),
    path("indicators/national/", views.indicator_reference, name="indicator_reference"),
    path(
        "indicators/import/indicator-definitions.csv",
        views.indicator_import_template,
        name="indicator_import_template",
    ),
    path("indicators/figures-template.csv", views.figures_template, name="figures_template"),
    path("indicators/<int:pk>/", views.indicator_edit, name="indicator_edit"),
    path("indicators/<int:pk>/retire/", views.indicator_retire, name="indicator_retire"),
    path("indicators/<int:pk>/reinstate/", views.indicator_reinstate, name="indicator_reinstate"),
    path("indicators/<int:pk>/delete/", views.indicator_delete, name="indicator_delete"),
]
