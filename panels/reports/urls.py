from django.urls import path

from panels.reports import views

urlpatterns = [
    path("reports/", views.report_list, name="report_list"),
    path("items/<int:pk>/report/new/", views.report_create, name="report_create"),
    path("reports/<int:pk>/", views.report_detail, name="report_detail"),
    path("reports/<int:pk>/edit/", views.report_edit, name="report_edit"),
    path("reports/<int:pk>/submit/", views.report_submit, name="report_submit"),
    path("reports/<int:pk>/review/", views.report_review, name="report_review"),
    path("reports/<int:pk>/publish/", views.report_publish, name="report_publish"),
    path("reports/<int:pk>/history/", views.report_history, name="report_history"),
    path("reports/<int:pk>/annexes/new/", views.annex_add, name="annex_add"),
    path("annexes/<int:pk>/", views.annex_download, name="annex_download"),
    path("annexes/<int:pk>/remove/", views.annex_remove, name="annex_remove"),
]
