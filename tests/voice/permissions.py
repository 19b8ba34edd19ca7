"""Who may open each voice page: members and officers read what young people told us, admins
keep the themes, everyone reads the public summary."""

from tests.matrix import FORBIDDEN, NOT_ALLOWED, OK, SIGN_IN, Row, admin_only, everyone, signed_in


def theme():
    from voice.models import Theme

    return {"slug": Theme.objects.get(slug="housing").slug}


def _admin_only(kwargs):
    row = admin_only()
    return Row(row.anonymous, row.councillor, row.officer, row.admin, kwargs=kwargs)


ROWS: dict[str, Row] = {
    "voice:index": signed_in(OK),
    "voice:told_csv": signed_in(OK),
    "voice:public": everyone(OK),
    "voice:principles": signed_in(OK),
    "voice:principles_coverage": signed_in(OK),
    "voice:principles_coverage_csv": signed_in(OK),
    "voice:theme_list": admin_only(),
    "voice:theme_create": admin_only(),
    "voice:theme_edit": _admin_only(theme),
    "voice:theme_retire": _admin_only(theme),
    "voice:theme_move": Row(SIGN_IN, FORBIDDEN, FORBIDDEN, NOT_ALLOWED, kwargs=theme),
}
