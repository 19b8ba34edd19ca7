from django.urls import include, path

from panels import public_views
from panels.views import actions, agenda, attendance, bodies, meetings, minutes

app_name = "panels"

urlpatterns = [
    path("", meetings.meeting_list, name="meeting_list"),
    path("meetings/new/", meetings.meeting_create, name="meeting_create"),
    path("meetings/<int:pk>/", meetings.meeting_detail, name="meeting_detail"),
    path("meetings/<int:pk>/details/", meetings.meeting_edit, name="meeting_edit"),
    path("meetings/<int:pk>/items/new/", agenda.item_add, name="item_add"),
    path("meetings/<int:pk>/publish/", agenda.agenda_publish, name="agenda_publish"),
    path("meetings/<int:pk>/attendance/", attendance.attendance, name="attendance"),
    path("meetings/<int:pk>/declarations/new/", attendance.declaration_add, name="declaration_add"),
    path("meetings/<int:pk>/approve/", minutes.minutes_approve, name="minutes_approve"),
    path("meetings/<int:pk>/minutes.pdf", minutes.minutes_pdf, name="minutes_pdf"),
    path("items/<int:pk>/edit/", agenda.item_edit, name="item_edit"),
    path("items/<int:pk>/remove/", agenda.item_remove, name="item_remove"),
    path("items/<int:pk>/move/", agenda.item_move, name="item_move"),
    path("items/<int:pk>/report/", agenda.report_download, name="report_download"),
    path("items/<int:pk>/minutes/", minutes.minutes_item, name="minutes_item"),
    path("items/<int:pk>/resolutions/new/", minutes.resolution_add, name="resolution_add"),
    path("items/<int:pk>/amend/", minutes.minutes_amend, name="minutes_amend"),
    path("resolutions/<int:pk>/edit/", minutes.resolution_edit, name="resolution_edit"),
    path("actions/", actions.action_list, name="action_list"),
    path("actions/mine/", actions.my_actions, name="my_actions"),
    path("actions/<int:pk>/", actions.action_detail, name="action_detail"),
    path("bodies/", bodies.body_list, name="body_list"),
    path("bodies/new/", bodies.body_create, name="body_create"),
    path("bodies/<slug:slug>/", bodies.body_detail, name="body_detail"),
    path("bodies/<slug:slug>/change/", bodies.body_edit, name="body_edit"),
    path("bodies/<slug:slug>/members/new/", bodies.membership_add, name="membership_add"),
    path("members/<int:pk>/remove/", bodies.membership_remove, name="membership_remove"),
    path("bodies/<slug:slug>/interests/", bodies.body_register, name="body_register"),
    path("bodies/<slug:slug>/attendance/", bodies.body_attendance, name="body_attendance"),
    path("public/", public_views.public_index, name="public_index"),
    path("public/meetings/<int:pk>/", public_views.public_meeting, name="public_meeting"),
    path("", include("panels.reports.urls")),
    path("", include("panels.reports.pack_urls")),
    path("", include("panels.decision_urls")),
    path("", include("panels.alert_urls")),
    path("", include("panels.search_urls")),
    path("", include("panels.public_urls")),
]
