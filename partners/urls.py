from django.urls import path

from partners import views

app_name = "partners"

urlpatterns = [
    path("", views.organisation_list, name="list"),
    path("new/", views.organisation_create, name="create"),
    path("public/", views.public_list, name="public_list"),
    path("public/<slug:slug>/", views.public_detail, name="public_detail"),
    path("pledges/", views.pledge_list, name="pledge_list"),
    path("pledges/<int:pk>/", views.pledge_detail, name="pledge_detail"),
    path("pledges/<int:pk>/edit/", views.pledge_edit, name="pledge_edit"),
    path("pledges/<int:pk>/make/", views.pledge_make, name="pledge_make"),
    path("pledges/<int:pk>/done/", views.pledge_done, name="pledge_done"),
    path("pledges/<int:pk>/progress/", views.progress_report, name="progress_report"),
    path("evidence/<int:pk>/", views.evidence, name="evidence"),
    path("self-assessments/", views.self_assessments, name="self_assessments"),
    path("offer-proposals/", views.proposal_list, name="proposal_list"),
    path("offer-proposals/<int:pk>/", views.proposal_detail, name="proposal_detail"),
    path("offer-proposals/<int:pk>/approve/", views.proposal_approve, name="proposal_approve"),
    path("offer-proposals/<int:pk>/decline/", views.proposal_decline, name="proposal_decline"),
    path("self-assessments/pdf/", views.self_assessments_pdf, name="self_assessments_pdf"),
    path("<slug:slug>/", views.organisation_detail, name="detail"),
    path("<slug:slug>/edit/", views.organisation_edit, name="edit"),
    path("<slug:slug>/leave/", views.organisation_leave, name="leave"),
    path("<slug:slug>/invite/", views.representative_invite, name="invite"),
    path("<slug:slug>/pledges/new/", views.pledge_create, name="pledge_create"),
    path("<slug:slug>/offer/propose/", views.proposal_create, name="proposal_create"),
    path("<slug:slug>/self-assessment/<int:year>/", views.self_assessment, name="self_assessment"),
]
