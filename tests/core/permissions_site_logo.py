"""The council's logo: the same file for everyone, anonymous included, once an admin uploaded it."""

from tests.matrix import OK, Row, everyone


def _logo() -> dict[str, object]:
    from corporate_parenting.logo import logo_prepare
    from corporate_parenting.models import SiteSettings
    from corporate_parenting.services import site_settings_update

    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>'
    site_settings_update(
        site_settings=SiteSettings.objects.get(pk=SiteSettings.load().pk),
        logo=logo_prepare(data=svg, filename="logo.svg"),
    )
    return {}


ROWS: dict[str, Row] = {
    "site_logo": everyone(OK, kwargs=_logo),
}
