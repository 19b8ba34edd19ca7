"""Bulk start after an election: members (name, e-mail, ward, party) from a CSV file.

All or nothing, like the KPI figures import (offer/services/figures.py): every line is checked first; any
bad line means nobody is added, and every problem is listed by line and column in one pass (an
unknown or missing column on the header row does not stop the lines being checked). Each good line
makes a councillor who signs in once they set a password (their account has none until then) and
their champions record with ward and party.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower

from champions.models import Member
from corporate_parenting.audit import audit_record
from corporate_parenting.inputs import formula_problem, has_control_characters
from corporate_parenting.models import Role, User
from corporate_parenting.people.services import invitation_resend

COLUMNS = ("name", "email", "ward", "party")
REQUIRED_COLUMNS = ("name", "email")
# Spellings people use for the same column; the template file uses the first ones.
COLUMN_ALIASES = {"e-mail": "email", "e-mail address": "email", "email address": "email"}
MAX_BYTES = 200_000  # 200 KB: many times the largest council's members with long names
MAX_ROWS = 500  # the largest English council has about 100 councillors
MAX_LENGTHS = {"name": 150, "email": 254, "ward": 120, "party": 120}

# The downloadable template's example line.
TEMPLATE_ROW = ("Alex Example", "alex.example@council.example", "Riverside", "Independent")


@dataclass(frozen=True)
class LineError:
    """One problem: the file's line (1 is the header row, 0 the whole file) and the column."""

    line: int
    column: str
    reason: str

    def __str__(self) -> str:
        where = [f"Line {self.line}"] if self.line else []
        if self.column:
            where.append(self.column)
        return f"{', '.join(where)}: {self.reason}" if where else self.reason


@dataclass
class MemberImportResult:
    created: list[Member] = field(default_factory=list)
    invited: int = 0


class MembersImportRefused(Exception):
    def __init__(self, errors: list[LineError]):
        super().__init__(f"{len(errors)} problems in the members file")
        self.errors = errors


@dataclass(frozen=True)
class _Line:
    line: int
    name: str
    email: str
    ward: str
    party: str


def _refuse(reason: str, *, line: int = 0, column: str = "") -> MembersImportRefused:
    return MembersImportRefused([LineError(line, column, reason)])


def _read(data: bytes) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header (as written, trimmed) and each non-blank line's cells with its line number."""
    if len(data) > MAX_BYTES:
        raise _refuse(f"the file is larger than {MAX_BYTES // 1000} KB: split it in two")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _refuse("the file is not UTF-8 text: save it as CSV UTF-8") from None
    if "\x00" in text:
        raise _refuse("the file is not a CSV text file")
    reader = csv.reader(io.StringIO(text, newline=""))
    header: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    try:
        for cells in reader:
            if header is None:
                header = [cell.strip() for cell in cells]
                continue
            if not any(cell.strip() for cell in cells):
                continue  # a blank line, or only commas (spreadsheets add them)
            rows.append((reader.line_num, cells))
            if len(rows) > MAX_ROWS:
                raise _refuse(f"the file has more than {MAX_ROWS} members: split it")
    except csv.Error as error:
        raise _refuse(f"the file is not a readable CSV file ({error})") from None
    if header is None or not any(header):
        raise _refuse("the file is empty: the first line must name the columns", line=1)
    return header, rows


def _columns(header: list[str]) -> tuple[dict[str, int], list[LineError]]:
    """Where each known column is, and every unknown, repeated or missing column as an error on
    the header row, naming the column as it is written. The lines are still checked against
    the columns that are known, so one pass lists every problem of the file."""
    errors: list[LineError] = []
    positions: dict[str, int] = {}
    for index, written in enumerate(header):
        name = COLUMN_ALIASES.get(written.lower(), written.lower())
        if not written:
            errors.append(LineError(1, "", f"column {index + 1} has no name"))
        elif has_control_characters(written) or name not in COLUMNS:
            errors.append(
                LineError(
                    1,
                    "",
                    f"unknown column '{written[:40]}': the columns are {', '.join(COLUMNS)}",
                )
            )
        elif name in positions:
            errors.append(LineError(1, "", f"the column {name} is named twice"))
        else:
            positions[name] = index
    errors.extend(
        LineError(1, "", f"the header row has no {name} column")
        for name in REQUIRED_COLUMNS
        if name not in positions
    )
    return positions, errors


def _cell_errors(line: int, column: str, value: str) -> list[LineError]:
    problems = []
    if has_control_characters(value):
        problems.append(LineError(line, column, "has hidden control characters"))
    if formula := formula_problem(value):
        problems.append(LineError(line, column, formula))
    if len(value) > MAX_LENGTHS[column]:
        problems.append(LineError(line, column, f"is longer than {MAX_LENGTHS[column]} characters"))
    return problems


def _check(data: bytes) -> list[_Line]:
    header, rows = _read(data)
    positions, errors = _columns(header)
    if not rows:
        errors.append(
            LineError(0, "", "the file has no members: one line per member after the header row")
        )
    lines: list[_Line] = []
    first_line_of: dict[str, int] = {}
    for line, cells in rows:
        if len(cells) > len(header):
            errors.append(
                LineError(
                    line, "", f"has {len(cells)} cells but the header names {len(header)} columns"
                )
            )
        values = {
            name: (cells[index] if index < len(cells) else "").strip()
            for name, index in positions.items()
        }
        problems: list[LineError] = []
        for column, value in values.items():
            problems.extend(_cell_errors(line, column, value))
        # A column missing from the header is one problem there, not one on every line.
        name, email = values.get("name", ""), values.get("email", "").lower()
        if not name and "name" in positions:
            problems.append(LineError(line, "name", "the name is blank"))
        if not email:
            if "email" in positions:
                problems.append(LineError(line, "email", "the e-mail address is blank"))
        elif not any(p.column == "email" for p in problems):
            try:
                validate_email(email)
            except ValidationError:
                problems.append(
                    LineError(line, "email", f"'{email[:60]}' is not a valid e-mail address")
                )
            else:
                if email in first_line_of:
                    problems.append(
                        LineError(line, "email", f"{email} is also on line {first_line_of[email]}")
                    )
                else:
                    first_line_of[email] = line
        errors.extend(problems)
        if not problems and name and email:
            lines.append(_Line(line, name, email, values.get("ward", ""), values.get("party", "")))
    # Someone whose term ended keeps their account, closed: a re-elected councillor is opened
    # again from their page (their record stays theirs), never added a second time.
    in_use = dict(
        User.objects.annotate(address=Lower("email"))
        .filter(address__in=[entry.email for entry in lines])
        .values_list("address", "is_active")
    )
    errors.extend(
        LineError(
            entry.line,
            "email",
            f"{entry.email} is already in use by someone in the portal"
            + (
                ""
                if in_use[entry.email]
                else ": their account is closed, open it again from their page in People"
            ),
        )
        for entry in lines
        if entry.email in in_use
    )
    if errors:
        raise MembersImportRefused(sorted(errors, key=lambda e: e.line))
    return lines


def members_import(*, actor: User, data: bytes, invite: bool = False) -> MemberImportResult:
    """Add a councillor and their champions record for every line, or nobody.

    Raises MembersImportRefused with every problem when any line is wrong, and PermissionDenied
    for anyone but an admin. With invite, each new member is sent an invitation in the same
    transaction (its e-mail goes out only when everything is saved).
    """
    if not actor.has_role(Role.ADMIN):
        raise PermissionDenied
    lines = _check(data)
    try:
        with transaction.atomic():
            result = _create(actor=actor, lines=lines, invite=invite)
    except IntegrityError:
        # Someone added one of these addresses between the check and the save.
        raise _refuse(
            "someone was added with one of these e-mail addresses while the file was imported: "
            "import the file again to see which"
        ) from None
    return result


def _create(*, actor: User, lines: list[_Line], invite: bool) -> MemberImportResult:
    group, _ = Group.objects.get_or_create(name=Role.COUNCILLOR)
    result = MemberImportResult()
    for entry in lines:
        user = User(email=entry.email, full_name=entry.name, is_active=True)
        user.set_unusable_password()
        user.save()
        user.groups.add(group)
        member = Member.objects.create(user=user, ward=entry.ward, party=entry.party)
        audit_record(
            actor=actor,
            instance=user,
            action="imported as a member",
            note=", ".join(part for part in (entry.ward, entry.party) if part),
        )
        if invite:
            invitation_resend(actor=actor, user=user)
            result.invited += 1
        result.created.append(member)
    return result
