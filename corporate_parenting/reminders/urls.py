from django.urls import path

from corporate_parenting.reminders import views

app_name = "reminders"

urlpatterns = [
    path("account/reminders/", views.preferences, name="preferences"),
    path("account/reminders/<str:token>/", views.preferences_signed, name="preferences_signed"),
    path("reminders/", views.ledger, name="ledger"),
    path("reminders/<int:pk>/", views.detail, name="detail"),
    path("reminders/<int:pk>/resend/", views.resend, name="resend"),
]
