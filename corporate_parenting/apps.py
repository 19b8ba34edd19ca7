from typing import Any

from django.apps import AppConfig


class CorporateParentingConfig(AppConfig):
    name = "corporate_parenting"
    verbose_name = "Portal core"

    def ready(self) -> None:
        _share_govuk_jinja_environment()


def _share_govuk_jinja_environment() -> None:
    """Let govuk-frontend-django reuse one Jinja environment instead of one per component.

    Its GovUKComponent.render (0.22) builds a new jinja2.Environment for every component it
    renders, so the GOV.UK macro templates are loaded and compiled again each time: about 7 ms per
    component, most of a page's server time. It builds the environment with the same loader and
    autoescape settings every time, so one shared instance renders the same HTML and keeps the
    compiled templates.
    """
    from govuk_frontend_django.components import base
    from jinja2 import Environment

    if getattr(base, "_portal_shares_environment", False):
        return
    shared: list[Environment] = []

    def environment(**kwargs: Any) -> Environment:
        if not shared:
            shared.append(Environment(**kwargs))  # noqa: S701 (the library passes autoescape)
        return shared[0]

    base.Environment = environment
    base._portal_shares_environment = True
