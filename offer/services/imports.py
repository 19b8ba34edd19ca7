"""What the offer's CSV imports share (the KPI figures, the indicator definitions): reading
the file, a bad row and its reason, and the all-or-nothing refusal."""

from __future__ import annotations

import csv
import difflib
import io
import itertools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

MAX_IMPORT_BYTES = 2_000_000


@dataclass
class RowError:
    line: int
    reason: str


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


class ImportRefused(Exception):
    def __init__(self, errors: list[RowError]):
        super().__init__(f"{len(errors)} rows could not be imported")
        self.errors = errors


# The key under which a row keeps what it has in columns with no name in the header row (a blank
# heading, or cells past the last heading), so that nothing in a file is dropped unseen.
UNNAMED = ""


def read_rows(data: bytes) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """The header (lower case) and each row by its line number, as {column: cell}; the cells of
    columns with no heading that are not blank are kept, joined, under UNNAMED. A file too large,
    not UTF-8 or not CSV is refused whole."""
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportRefused([RowError(0, "the file is larger than 2 MB")])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRefused(
            [RowError(0, "the file is not UTF-8 text: save it as CSV UTF-8")]
        ) from None
    try:
        reader = csv.reader(io.StringIO(text, newline=""))
        header = [name.strip().lower() for name in next(reader, [])]
        rows = []
        for cells in reader:
            if not cells:
                continue  # a blank line
            row = {name: "" for name in header if name}
            unnamed = []
            for name, cell in itertools.zip_longest(header, cells, fillvalue=None):
                if cell is None:  # a short row: its last columns are blank
                    continue
                if name:
                    row[name] = row[name] or cell  # a column named twice is refused anyway
                elif cell.strip():
                    unnamed.append(cell.strip())
            if unnamed:
                row[UNNAMED] = " | ".join(unnamed)
            rows.append((reader.line_num, row))
    except csv.Error as error:
        raise ImportRefused(
            [RowError(0, f"the file is not a readable CSV file ({error})")]
        ) from None
    return header, rows


def header_problems(
    header: list[str], *, columns: Sequence[str], required: Sequence[str], hint: str = ""
) -> list[RowError]:
    """Everything wrong with a header row at once: required columns missing, columns this import
    does not know (each with the closest it does, when there is one), columns named twice. A
    column the import does not know is refused, never dropped: its figures would be lost unseen.
    hint says where such a column belongs, if anywhere."""
    problems = []
    missing = [name for name in required if name not in header]
    if missing:
        problems.append(
            RowError(
                1,
                f"the header row has no {', '.join(missing)} "
                f"column{'' if len(missing) == 1 else 's'}",
            )
        )
    unknown = [name for name in dict.fromkeys(header) if name and name not in columns]
    if unknown:
        named = ", ".join(_with_suggestion(name, columns) for name in unknown)
        problems.append(
            RowError(
                1,
                f"the header row has {'a column' if len(unknown) == 1 else 'columns'} this "
                f"import does not know: {named}. The columns are {', '.join(columns)}"
                + (f" ({hint})" if hint else ""),
            )
        )
    twice = [name for name, count in Counter(header).items() if name and count > 1]
    if twice:
        problems.append(RowError(1, f"the header row names {', '.join(twice)} more than once"))
    return problems


def _with_suggestion(name: str, columns: Sequence[str]) -> str:
    shown = f"'{name[:40]}'"
    close = difflib.get_close_matches(name.replace(" ", "_"), columns, n=1, cutoff=0.6)
    return f"{shown} (did you mean {close[0]}?)" if close else shown


def unnamed_problem(row: dict[str, str]) -> str | None:
    """Why a row is refused for what it has under no column's name, or None."""
    cells = row.get(UNNAMED)
    if not cells:
        return None
    return (
        f"has '{cells[:40]}' in a column with no name in the header row: name the column or "
        "remove what is in it"
    )
