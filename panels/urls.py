"""Every address of panels in one map: the members' and clerks' pages, reports and packs, the
admins' decision statuses, then what anyone may open (public pages, feeds, alerts, search).
The views live in panels/views/, one module for each part."""

from django.urls import path, register_converter

from panels.views import (
    actions,
    agenda,
    alerts,
    attendance,
    bodies,
    decisions,
    feeds,
    meetings,
    minutes,
    packs,
    programme,
    public,
    reports,
    search,
    supplements,
)

app_name = "panels"

register_converter(feeds.PaperFeedConverter, "paperfeed")

urlpatterns = [
    # Meetings, their agenda, attendance and minutes.
    path("", meetings.meeting_list, name="meeting_list"),
    path("meetings/new/", meetings.meeting_create, name="meeting_create"),
    path("meetings/<int:pk>/", meetings.meeting_detail, name="meeting_detail"),
    path("meetings/<int:pk>/details/", meetings.meeting_edit, name="meeting_edit"),
    path("meetings/<int:pk>/cancel/", meetings.meeting_cancel, name="meeting_cancel"),
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
    # Actions.
    path("actions/", actions.action_list, name="action_list"),
    path("actions/mine/", actions.my_actions, name="my_actions"),
    path("actions/<int:pk>/", actions.action_detail, name="action_detail"),
    # Bodies and their members.
    path("bodies/", bodies.body_list, name="body_list"),
    path("bodies/new/", bodies.body_create, name="body_create"),
    path("bodies/<slug:slug>/", bodies.body_detail, name="body_detail"),
    path("bodies/<slug:slug>/change/", bodies.body_edit, name="body_edit"),
    path("bodies/<slug:slug>/members/new/", bodies.membership_add, name="membership_add"),
    path("members/<int:pk>/remove/", bodies.membership_remove, name="membership_remove"),
    path("bodies/<slug:slug>/interests/", bodies.body_register, name="body_register"),
    path("bodies/<slug:slug>/attendance/", bodies.body_attendance, name="body_attendance"),
    # The work programme: items planned for the year's meetings.
    path("bodies/<slug:slug>/programme/", programme.work_programme, name="work_programme"),
    path("bodies/<slug:slug>/programme/new/", programme.planned_item_add, name="planned_item_add"),
    path(
        "bodies/<slug:slug>/programme/publish/",
        programme.work_programme_publish,
        name="work_programme_publish",
    ),
    path("planned/<int:pk>/", programme.planned_item_edit, name="planned_item_edit"),
    path("planned/<int:pk>/drop/", programme.planned_item_drop, name="planned_item_drop"),
    path(
        "meetings/<int:pk>/planned/",
        programme.meeting_planned_items,
        name="meeting_planned_items",
    ),
    # Reports: written, approved and published in the portal; their annexes.
    path("reports/", reports.report_list, name="report_list"),
    path("items/<int:pk>/report/new/", reports.report_create, name="report_create"),
    path("reports/<int:pk>/", reports.report_detail, name="report_detail"),
    path("reports/<int:pk>/edit/", reports.report_edit, name="report_edit"),
    path("reports/<int:pk>/submit/", reports.report_submit, name="report_submit"),
    path("reports/<int:pk>/review/", reports.report_review, name="report_review"),
    path("reports/<int:pk>/publish/", reports.report_publish, name="report_publish"),
    path("reports/<int:pk>/history/", reports.report_history, name="report_history"),
    path("reports/<int:pk>/annexes/new/", reports.annex_add, name="annex_add"),
    path("annexes/<int:pk>/", reports.annex_download, name="annex_download"),
    path("annexes/<int:pk>/remove/", reports.annex_remove, name="annex_remove"),
    # The report PDF and the agenda packs.
    path("reports/<int:pk>/report.pdf", packs.report_pdf, name="report_pdf"),
    path("meetings/<int:pk>/pack/<str:edition>/", packs.pack, name="pack"),
    path("meetings/<int:pk>/pack/<str:edition>.pdf", packs.pack_download, name="pack_download"),
    # Supplementary packs: late papers, published by the clerk.
    path("meetings/<int:pk>/supplements/new/", supplements.supplement_new, name="supplement_new"),
    path(
        "meetings/<int:pk>/supplements/<int:number>/<str:edition>/",
        packs.supplement_pack,
        name="supplement_pack",
    ),
    path(
        "meetings/<int:pk>/supplements/<int:number>/<str:edition>.pdf",
        packs.supplement_download,
        name="supplement_download",
    ),
    # Decision statuses, kept by admins.
    path("decision-statuses/", decisions.decision_status_list, name="decision_status_list"),
    path("decision-statuses/new/", decisions.decision_status_add, name="decision_status_add"),
    path(
        "decision-statuses/<int:pk>/", decisions.decision_status_edit, name="decision_status_edit"
    ),
    # What anyone may open: public bodies and meetings, feeds, alerts, and the papers search.
    path("public/", public.public_index, name="public_index"),
    path("public/meetings/<int:pk>/", public.public_meeting, name="public_meeting"),
    path("public/bodies/<slug:slug>/", public.public_body, name="public_body"),
    path(
        "public/bodies/<slug:slug>/programme/",
        programme.public_work_programme,
        name="public_work_programme",
    ),
    path("public/bodies/<slug:slug>/<paperfeed:feed>.rss", feeds.rss, name="body_feed_rss"),
    path("public/bodies/<slug:slug>/<paperfeed:feed>.atom", feeds.atom, name="body_feed_atom"),
    path("public/alerts/", alerts.alert_index, name="alert_index"),
    path("public/bodies/<slug:slug>/alerts/", alerts.alert_subscribe, name="alert_subscribe"),
    path("public/alerts/<str:token>/confirm/", alerts.alert_confirm, name="alert_confirm"),
    path(
        "public/alerts/<str:token>/unsubscribe/",
        alerts.alert_unsubscribe,
        name="alert_unsubscribe",
    ),
    path("search/", search.papers, name="papers_search"),
]
