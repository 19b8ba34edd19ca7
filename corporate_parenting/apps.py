from django.apps import AppConfig


class CorporateParentingConfig(AppConfig):
    name = "corporate_parenting"
    verbose_name = "Portal core"

    def ready(self) -> None:
        # The portal's own system checks (the deployment check of PORTAL_BASE_URL).
        from corporate_parenting import checks  # noqa: F401
