"""What the offer's CSV imports share (the KPI figures, the indicator definitions): reading
the file, a bad row and its reason, and the all-or-nothing refusal."""

from __future__ import annotations

import csv
import io
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


def read_rows(data: bytes) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """The header (lower case) and each row by its line number; a file too large, not UTF-8 or
    not CSV is refused whole."""
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportRefused([RowError(0, "the file is larger than 2 MB")])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRefused(
            [RowError(0, "the file is not UTF-8 text: save it as CSV UTF-8")]
        ) from None
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        header = [(name or "").strip().lower() for name in reader.fieldnames or []]
        rows = []
        for record in reader:
            clean = {
                (key or "").strip().lower(): (value if isinstance(value, str) else "")
                for key, value in record.items()
                if key is not None
            }
            rows.append((reader.line_num, clean))
    except csv.Error as error:
        raise ImportRefused(
            [RowError(0, f"the file is not a readable CSV file ({error})")]
        ) from None
    return header, rows
