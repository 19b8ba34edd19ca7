"""What the annual corporate parenting report holds: sections of figures, tables and charts
assembled from the records for one year (annual.assemble), frozen as JSON when the panel approves
the report, and rendered the same way on the page, in the PDF and, in plain words, in the young
person's version.

Everything here is plain data so that a frozen report renders without reading a record again.
A published annual report is public, so a section holds only what the public pages may show, and
counts about children and young people are stored as `public_count` prints them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# The sections a council can choose from, in the default order (the council's order is data).
SECTION_KEYS = (
    "panel",
    "champions",
    "voice",
    "performance",
    "offer",
    "partners",
    "strategy",
    "principles",
)


@dataclass(frozen=True)
class Figure:
    """One figure: `key` is stable across years (the comparison with last year's report matches
    figures by section and key), `value` is the text printed, `number` the figure itself for charts
    and comparisons (None when it is withheld, like "fewer than 5", or is not a number), `url` the
    page it came from ("" when there is none)."""

    key: str
    label: str
    value: str
    number: float | None = None
    url: str = ""


@dataclass(frozen=True)
class Cell:
    text: str
    url: str = ""


@dataclass(frozen=True)
class Table:
    caption: str
    headers: list[str]
    rows: list[list[Cell]]


@dataclass(frozen=True)
class Series:
    name: str
    values: list[float | None]


@dataclass(frozen=True)
class Chart:
    """A bar chart (`kind` "bar") or a trend line ("line") over `labels`; `note` says what is
    missing or invented."""

    title: str
    kind: str
    labels: list[str]
    series: list[Series]
    note: str = ""


@dataclass(frozen=True)
class Section:
    """One section. `empty` is True when the portal has no records for it in the year: the
    section is still printed, with `summary` saying so. `notes` are printed under the section (an
    invented demonstration figure is always marked here). `young` holds a few plain-English
    sentences for the young person's version: what changed, few numbers."""

    key: str
    title: str
    summary: str
    empty: bool = False
    figures: list[Figure] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    young: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Section:
        return cls(
            key=data["key"],
            title=data["title"],
            summary=data["summary"],
            empty=data.get("empty", False),
            figures=[Figure(**f) for f in data.get("figures", [])],
            tables=[
                Table(
                    caption=t["caption"],
                    headers=list(t["headers"]),
                    rows=[[Cell(**c) for c in row] for row in t["rows"]],
                )
                for t in data.get("tables", [])
            ],
            charts=[
                Chart(
                    title=c["title"],
                    kind=c["kind"],
                    labels=list(c["labels"]),
                    series=[Series(**s) for s in c["series"]],
                    note=c.get("note", ""),
                )
                for c in data.get("charts", [])
            ],
            notes=list(data.get("notes", [])),
            young=list(data.get("young", [])),
        )
