from django.urls import include, path

from panels import views

app_name = "panels"

urlpatterns = [
    path("", views.meeting_list, name="meeting_list"),
    path("meetings/new/", views.meeting_create, name="meeting_create"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("meetings/<int:pk>/details/", views.meeting_edit, name="meeting_edit"),
    path("meetings/<int:pk>/items/new/", views.item_add, name="item_add"),
    path("meetings/<int:pk>/publish/", views.agenda_publish, name="agenda_publish"),
    path("meetings/<int:pk>/attendance/", views.attendance, name="attendance"),
    path("meetings/<int:pk>/declarations/new/", views.declaration_add, name="declaration_add"),
    path("meetings/<int:pk>/approve/", views.minutes_approve, name="minutes_approve"),
    path("meetings/<int:pk>/minutes.pdf", views.minutes_pdf, name="minutes_pdf"),
    path("items/<int:pk>/edit/", views.item_edit, name="item_edit"),
    path("items/<int:pk>/remove/", views.item_remove, name="item_remove"),
    path("items/<int:pk>/move/", views.item_move, name="item_move"),
    path("items/<int:pk>/report/", views.report_download, name="report_download"),
    path("items/<int:pk>/minutes/", views.minutes_item, name="minutes_item"),
    path("items/<int:pk>/resolutions/new/", views.resolution_add, name="resolution_add"),
    path("items/<int:pk>/amend/", views.minutes_amend, name="minutes_amend"),
    path("resolutions/<int:pk>/edit/", views.resolution_edit, name="resolution_edit"),
    path("actions/", views.action_list, name="action_list"),
    path("actions/mine/", views.my_actions, name="my_actions"),
    path("actions/<int:pk>/", views.action_detail, name="action_detail"),
    path("bodies/", views.body_list, name="body_list"),
    path("bodies/new/", views.body_create, name="body_create"),
    path("bodies/<slug:slug>/", views.body_detail, name="body_detail"),
    path("bodies/<slug:slug>/change/", views.body_edit, name="body_edit"),
    path("bodies/<slug:slug>/members/new/", views.membership_add, name="membership_add"),
    path("members/<int:pk>/remove/", views.membership_remove, name="membership_remove"),
    path("bodies/<slug:slug>/interests/", views.body_register, name="body_register"),
    path("bodies/<slug:slug>/attendance/", views.body_attendance, name="body_attendance"),
    path("public/", views.public_index, name="public_index"),
    path("public/meetings/<int:pk>/", views.public_meeting, name="public_meeting"),
    path("", include("panels.reports.urls")),
    path("", include("panels.reports.pack_urls")),
    path("", include("panels.decision_urls")),
    path("", include("panels.alert_urls")),
    path("", include("panels.search_urls")),
]
