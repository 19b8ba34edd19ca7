"""Decision statuses, kept by admins. Included into the panels namespace by panels/urls.py."""

from django.urls import path

from panels import decisions

urlpatterns = [
    path(
        "decision-statuses/",
        decisions.decision_status_list,
        name="decision_status_list",
    ),
    path(
        "decision-statuses/new/",
        decisions.decision_status_add,
        name="decision_status_add",
    ),
    path(
        "decision-statuses/<int:pk>/",
        decisions.decision_status_edit,
        name="decision_status_edit",
    ),
]
