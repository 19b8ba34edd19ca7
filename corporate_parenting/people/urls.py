from django.urls import path

from corporate_parenting.people import views

app_name = "people"

urlpatterns = [
    path("people/", views.person_list, name="list"),
    path("people/invite/", views.invite, name="invite"),
    path("people/<int:pk>/", views.person_detail, name="detail"),
    path("people/<int:pk>/roles/", views.person_roles, name="roles"),
    path("people/<int:pk>/name/", views.person_name, name="name"),
    path("people/<int:pk>/duties/", views.person_duties, name="duties"),
    path(
        "people/<int:pk>/duties/<str:kind>/remove/",
        views.person_duty_revoke,
        name="duty_revoke",
    ),
    path("people/<int:pk>/deactivate/", views.person_deactivate, name="deactivate"),
    path("people/<int:pk>/reactivate/", views.person_reactivate, name="reactivate"),
    path(
        "people/<int:pk>/invitation/send-again/",
        views.invitation_resend,
        name="invitation_resend",
    ),
    path("people/<int:pk>/invitation/cancel/", views.invitation_cancel, name="invitation_cancel"),
    path("invitation/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path("account/", views.account, name="account"),
    path("account/name/", views.account_name, name="account_name"),
]
