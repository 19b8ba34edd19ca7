"""The Django admin site, for technical support staff: superusers only, and governance records
read-only there (they change through the portal's services, which record why and by whom)."""

from typing import Any

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.http import HttpRequest


def _no(*args: Any, **kwargs: Any) -> bool:
    return False


class PortalAdminSite(admin.AdminSite):
    site_header = "Corporate parenting portal: technical support"

    def has_permission(self, request: HttpRequest) -> bool:
        return bool(request.user.is_active and request.user.is_superuser)

    def get_urls(self) -> list[Any]:
        # Every app's admin module is registered by now (autodiscover ran at start-up).
        from corporate_parenting.history.models import GOVERNANCE_MODELS

        for model, model_admin in self._registry.items():
            if model in GOVERNANCE_MODELS:
                model_admin.has_add_permission = _no  # type: ignore[method-assign]  # governance models are read-only here
                model_admin.has_change_permission = _no  # type: ignore[method-assign]  # as above
                model_admin.has_delete_permission = _no  # type: ignore[method-assign]  # as above
                model_admin.get_inlines = lambda request, obj: []  # type: ignore[method-assign]  # as above
        return super().get_urls()


class PortalAdminConfig(AdminConfig):
    default_site = "corporate_parenting.admin_site.PortalAdminSite"
