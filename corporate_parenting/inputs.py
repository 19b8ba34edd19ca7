"""What the portal accepts from a request, checked before the database or Python's date type sees it.

Years and dates are bounded here (and only here) so every page that reads a year from the
address, and every form that takes a date, refuses the same things with a message instead of an
overflow. Text is refused when it holds control characters PostgreSQL or an HTTP header cannot
hold, and "where to go next" is always a path on this site.
"""

import re
from datetime import date

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme

# The portal's records start long after 1900 and a council plans a few years ahead; the bounds
# leave room for a year before and after, so "next year" and "last month" always exist.
EARLIEST_YEAR = 1900
LATEST_YEAR = 2199
EARLIEST_DATE = date(EARLIEST_YEAR, 1, 1)
LATEST_DATE = date(LATEST_YEAR, 12, 31)

# C0 controls but tab, line feed and carriage return; and DEL.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Every C0 control (tab and line breaks too) and DEL: what one line of text never holds.
_NOT_ONE_LINE = re.compile(r"[\x00-\x1f\x7f]")
_NOT_ONE_LINE_RUN = re.compile(r"[\x00-\x1f\x7f]+")
_LINE_BREAK = re.compile(r"\r\n?")
# Half of a UTF-16 pair on its own: no encoding can write it out.
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def year_from(value: object, default: int) -> int:
    """A year from a query string, or ValueError when it is not a year the portal knows."""
    if value is None or value == "":
        return default
    text = str(value).strip()
    if not text.isascii() or not text.isdigit() or len(text) > 4:
        raise ValueError(f"not a year: {text[:10]!r}")
    year = int(text)
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise ValueError(f"year out of range: {year}")
    return year


def month_from(value: object, default: int) -> int:
    if value is None or value == "":
        return default
    text = str(value).strip()
    if not text.isascii() or not text.isdigit() or len(text) > 2 or not 1 <= int(text) <= 12:
        raise ValueError(f"not a month: {text[:10]!r}")
    return int(text)


def validate_date_in_range(value: date) -> None:
    """Form validator for every date a person types."""
    if value is not None and not EARLIEST_DATE <= value <= LATEST_DATE:
        raise ValidationError(
            f"Enter a date between {EARLIEST_YEAR} and {LATEST_YEAR}", code="date_out_of_range"
        )


def has_control_characters(text: str) -> bool:
    return bool(_CONTROL.search(text))


def validate_no_control_characters(value: str) -> None:
    if isinstance(value, str) and has_control_characters(value):
        raise ValidationError(
            "Remove the hidden control characters (often pasted from another program)",
            code="control_characters",
        )


def validate_one_line(value: str) -> None:
    """A title, name, place or address is one line: a line break in one breaks the calendar
    lines and e-mail subjects it is written into."""
    if isinstance(value, str) and _NOT_ONE_LINE.search(value):
        raise ValidationError(
            "Enter this on one line, without line breaks or hidden control characters "
            "(often pasted from another program)",
            code="not_one_line",
        )


def one_line(text: object) -> str:
    """Text written where only one line fits (a calendar line, a search): each run of line
    breaks or other control characters becomes one space, a lone surrogate the replacement
    character."""
    return _NOT_ONE_LINE_RUN.sub(" ", _SURROGATE.sub("\ufffd", str(text or ""))).strip()


def with_line_breaks(text: object) -> str:
    """Text written where lines may break (a description): line breaks kept as LF, other
    control characters made spaces, a lone surrogate the replacement character."""
    lines = _LINE_BREAK.sub("\n", _SURROGATE.sub("\ufffd", str(text or "")))
    return _CONTROL.sub(" ", lines).strip()


def local_path(request: HttpRequest, target: str, fallback: str) -> str:
    """target when it is a path on this site, otherwise fallback (never another site)."""
    if (
        target
        and target.startswith("/")
        and not target.startswith("//")
        and len(target) <= 2000
        and not has_control_characters(target)
        and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return target
    return fallback


# A spreadsheet runs a cell starting with one of these as a formula when the file is opened
# again (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@")


def formula_problem(value: str) -> str | None:
    """Why an imported text cell is refused as a formula, or None: one rule for every import
    (a column read as a number is parsed as one, not checked here)."""
    text = value.lstrip()
    if not text.startswith(FORMULA_STARTS):
        return None
    return f"starts with '{text[0]}', which a spreadsheet would run as a formula: remove it"
