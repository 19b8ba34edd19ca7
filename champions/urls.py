from django.urls import path

from champions import views
from champions.member_import_views import member_import_page

app_name = "champions"

urlpatterns = [
    path("", views.my_role, name="my_role"),
    path("engagements/", views.engagement_list, name="engagement_list"),
    path("engagements/new/", views.engagement_create, name="engagement_create"),
    path("engagements/<int:pk>/", views.engagement_detail, name="engagement_detail"),
    path("engagements/<int:pk>/edit/", views.engagement_edit, name="engagement_edit"),
    path("engagements/<int:pk>/delete/", views.engagement_delete, name="engagement_delete"),
    path("engagements/<int:pk>/respond/", views.engagement_respond, name="engagement_respond"),
    path("areas/", views.area_list, name="area_list"),
    path("areas/new/", views.area_create, name="area_create"),
    path("areas/<slug:slug>/", views.area_detail, name="area_detail"),
    path("areas/<slug:slug>/edit/", views.area_edit, name="area_edit"),
    path("areas/<slug:slug>/link-officers/new/", views.link_officer_add, name="link_officer_add"),
    path("link-officers/<int:pk>/remove/", views.link_officer_remove, name="link_officer_remove"),
    path("appointments/new/", views.appointment_create, name="appointment_create"),
    path("appointments/<int:pk>/end/", views.appointment_end, name="appointment_end"),
    path("members/", views.member_list, name="member_list"),
    path("members/<int:pk>/", views.member_edit, name="member_edit"),
    path("members/<int:pk>/target/", views.member_target, name="member_target"),
    path("coverage/", views.coverage, name="coverage"),
    path("settings/", views.champion_settings, name="settings"),
    path("report/", views.report, name="report"),
    path("report/pdf/", views.report_pdf, name="report_pdf"),
    path("report/people/", views.report_people, name="report_people"),
    path("plan/", views.plan, name="plan"),
    path("plan/<int:pk>/edit/", views.plan_item_edit, name="plan_item_edit"),
    path("plan/<int:pk>/delete/", views.plan_item_delete, name="plan_item_delete"),
    path("plan/<int:pk>/tick/", views.plan_item_tick, name="plan_item_tick"),
    path("members/import/", member_import_page, name="member_import"),
]
