from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from corporate_parenting import audit_views, health, open_data, two_factor, views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", health.healthz, name="healthz"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("privacy/", views.privacy, name="privacy"),
    path("settings/", views.site_settings, name="site_settings"),
    path("site-logo", views.site_logo, name="site_logo"),
    path("sign-in/", views.SignInView.as_view(), name="login"),
    path("sign-out/", views.SignOutView.as_view(), name="logout"),
    path("password/change/", views.PasswordChangeView.as_view(), name="password_change"),
    path("password/reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("two-factor/", two_factor.verify, name="two_factor_verify"),
    path("two-factor/set-up/", two_factor.setup, name="two_factor_setup"),
    path("two-factor/backup-codes/", two_factor.backup_codes, name="two_factor_backup_codes"),
    path("audit/", audit_views.activity, name="audit_trail"),
    path("audit/changes/", audit_views.changes, name="audit_changes"),
    path("champions/", include("champions.urls")),
    path("panels/", include("panels.urls")),
    path("events/", include("events.urls")),
    path("offer/", include("offer.urls")),
    path("strategy/", include("strategy.urls")),
    path("voice/", include("voice.urls")),
    path("partners/", include("partners.urls")),
    path("annual/", include("annual.urls")),
    path("", include("corporate_parenting.reminders.urls")),
    path("", include("corporate_parenting.people.urls")),
    path("api/v1/", open_data.api.urls),
    path("django-admin/", admin.site.urls),
]

handler403 = "corporate_parenting.errors.forbidden"
handler404 = "corporate_parenting.errors.not_found"
handler500 = "corporate_parenting.errors.server_error"
