from importlib import import_module

from django.contrib import messages
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy

from corporate_parenting import forms
from corporate_parenting.audit import audit_record
from corporate_parenting.http import SignedInRequest
from corporate_parenting.models import Role, SiteSettings
from corporate_parenting.permissions import role_required
from corporate_parenting.services import site_settings_update

HOME_TEMPLATES: dict[str | None, str] = {
    Role.ADMIN: "core/home_admin.html",
    Role.OFFICER: "core/home_officer.html",
    Role.COUNCILLOR: "core/home_councillor.html",
}


# Each app may offer panels for the home page: <app>/home.py with
# home_panels(request) -> list[str], HTML already rendered for that person (empty when none).
APPS_WITH_HOME_PANELS = ("champions", "panels", "events", "offer")


def _home_panels(request: HttpRequest) -> list[str]:
    panels: list[str] = []
    for app_label in APPS_WITH_HOME_PANELS:
        try:
            module = import_module(f"{app_label}.home")
        except ModuleNotFoundError as error:
            if error.name != f"{app_label}.home":
                raise
            continue
        panels.extend(module.home_panels(request))
    return panels


def home(request: HttpRequest) -> HttpResponse:
    """The public landing page, or the home page for the signed-in person's role."""
    if not request.user.is_authenticated:
        return render(request, "core/landing.html")
    template = HOME_TEMPLATES.get(request.user.primary_role, "core/home_no_role.html")
    return render(request, template, {"panels": _home_panels(request)})


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "core/accessibility.html")


def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "core/privacy.html")


@role_required(Role.ADMIN)
def site_settings(request: SignedInRequest) -> HttpResponse:
    current = SiteSettings.objects.get(pk=SiteSettings.load().pk)
    form = forms.SiteSettingsForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        site_settings_update(site_settings=current, actor=request.user, **form.cleaned_data)
        messages.success(request, "Site settings saved")
        return redirect("site_settings")
    return render(request, "core/site_settings.html", {"form": form})


class SignInView(auth_views.LoginView):
    form_class = forms.SignInForm
    redirect_authenticated_user = True

    def form_valid(self, form: auth_forms.AuthenticationForm) -> HttpResponse:
        response = super().form_valid(form)
        # Failed attempts are django-axes's records; a successful one is in the audit trail.
        audit_record(actor=form.get_user(), instance=form.get_user(), action="signed in")
        return response


class SignOutView(auth_views.LogoutView):
    def post(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        response = super().post(request, *args, **kwargs)
        messages.success(request, "You have signed out")
        return response


class PasswordResetView(auth_views.PasswordResetView):
    form_class = forms.PasswordResetForm
    email_template_name = "emails/password_reset.txt"
    html_email_template_name = "emails/password_reset.html"
    subject_template_name = "emails/password_reset_subject.txt"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = forms.SetPasswordForm
    success_url = reverse_lazy("password_reset_complete")


class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = forms.PasswordChangeForm

    def form_valid(self, form: auth_forms.PasswordChangeForm) -> HttpResponse:
        response = super().form_valid(form)
        messages.success(self.request, "Your password has been changed")
        return response

    def get_success_url(self) -> str:
        return str(reverse_lazy("home"))
