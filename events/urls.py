from django.urls import path

from events import month_views, views

app_name = "events"

urlpatterns = [
    path("", month_views.month, name="month"),
    path("list/", views.event_list, name="list"),
    path("new/", views.create, name="create"),
    path("roll-forward/", views.roll_forward, name="roll_forward"),
    path("diary/", views.diary, name="diary"),
    path("diary/pdf/", views.diary_pdf, name="diary_pdf"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/calendar.ics", views.event_ics, name="event_ics"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/cancel/", views.cancel, name="cancel"),
    path("<int:pk>/sign-up/", views.sign_up, name="sign_up"),
    path("<int:pk>/cancel-sign-up/", views.cancel_sign_up, name="cancel_sign_up"),
    path("<int:pk>/attended/", views.confirm_attendance, name="confirm_attendance"),
    path("<int:pk>/sign-ups/", views.signups, name="signups"),
    path("sign-ups/<int:pk>/attended/", views.signup_attended, name="signup_attended"),
    path("public/", views.public_list, name="public_list"),
    path("public/month/", month_views.public_month, name="public_month"),
    path("public/<int:pk>/", views.public_detail, name="public_detail"),
    path("public/calendar.ics", views.public_feed, name="public_feed"),
    path("calendar/", views.feed, name="feed"),
    path("calendar/new-address/", views.feed_regenerate, name="feed_regenerate"),
    path("calendar/turn-off/", views.feed_revoke, name="feed_revoke"),
    path("calendar/<str:token>.ics", views.private_feed, name="private_feed"),
]
