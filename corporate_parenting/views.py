from importlib import import_module

from django.contrib import messages
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import views as auth_views
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotModified
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.views.decorators.http import require_safe

from corporate_parenting import forms
from corporate_parenting.audit import audit_record
from corporate_parenting.freshness import committed_state
from corporate_parenting.headers import public_asset
from corporate_parenting.http import SignedInRequest
from corporate_parenting.logo import CONTENT_TYPES
from corporate_parenting.models import Role, SiteSettings
from corporate_parenting.navigation import roles_of
from corporate_parenting.permissions import role_required
from corporate_parenting.services import site_settings_update

HOME_TEMPLATES: dict[str | None, str] = {
    Role.ADMIN: "core/home_admin.html",
    Role.OFFICER: "core/home_officer.html",
    Role.COUNCILLOR: "core/home_councillor.html",
    Role.PARTNER: "core/home_partner.html",
}


# Each app may offer panels for the home page: <app>/home.py with
# home_panels(request) -> list[str], HTML already rendered for that person (empty when none).
APPS_WITH_HOME_PANELS = ("champions", "panels", "events", "offer", "partners")


# How long a home page's panels are kept; a commit anywhere in the database replaces them sooner.
HOME_PANELS_SECONDS = 300


def _home_panels(request: HttpRequest) -> list[str]:
    """The signed-in person's panels, kept in the default cache under the database's committed
    state (corporate_parenting.freshness), their roles and the day: a change anyone commits
    (a new follow-up, an event signed up to, a role given) shows on the next request."""
    state = committed_state()
    if state is None:
        return _panels_now(request)
    user = request.user
    roles = ",".join(sorted(roles_of(request)))
    key = f"home-panels:{state}:{user.pk}:{roles}:{timezone.localdate().isoformat()}"
    panels = cache.get(key)
    if panels is None:
        panels = _panels_now(request)
        cache.set(key, panels, HOME_PANELS_SECONDS)
    return panels


def _panels_now(request: HttpRequest) -> list[str]:
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
    form = forms.SiteSettingsForm(request.POST or None, request.FILES or None, instance=current)
    if request.method == "POST" and form.is_valid():
        fields = dict(form.cleaned_data)
        logo = fields.pop("logo_file", None)
        remove_logo = bool(fields.pop("remove_logo", False))
        try:
            site_settings_update(
                site_settings=current,
                actor=request.user,
                logo=logo,
                remove_logo=remove_logo,
                **fields,
            )
        except ValidationError as error:
            forms.add_service_errors(form, error)
        else:
            messages.success(request, "Site settings saved")
            return redirect("site_settings")
    return render(request, "core/site_settings.html", {"form": form})


# The logo's own policy: an SVG opened on its own runs nothing, loads nothing, is framed by no
# one; only its inline presentation styles apply.
LOGO_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox"
# With ?v= of the file in use (as the header links it), a year; otherwise an hour.
LOGO_MAX_AGE_VERSIONED = 60 * 60 * 24 * 365
LOGO_MAX_AGE = 60 * 60


@require_safe
def site_logo(request: HttpRequest) -> HttpResponse:
    """The council's uploaded logo, at a stable address, the same for everyone."""
    branding = SiteSettings.load()
    if not branding.logo:
        raise Http404("No logo has been uploaded")
    etag = f'"{branding.logo_version}"'
    versioned = request.GET.get("v", "") == branding.logo_version
    max_age = LOGO_MAX_AGE_VERSIONED if versioned else LOGO_MAX_AGE
    response: HttpResponse
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponseNotModified()
    else:
        try:
            with default_storage.open(branding.logo.name or "", "rb") as stored:
                content = stored.read()
        except FileNotFoundError as error:
            raise Http404("The logo file is missing") from error
        response = HttpResponse(content, content_type=CONTENT_TYPES[branding.logo_extension])
    response["ETag"] = etag
    response["Cache-Control"] = f"public, max-age={max_age}"
    response["Content-Security-Policy"] = LOGO_POLICY
    response["X-Content-Type-Options"] = "nosniff"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    public_asset(response)
    return response


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
