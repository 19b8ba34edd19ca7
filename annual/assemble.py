"""Assembles the annual report's sections for a year from the records: one builder per section
(annual.sections.<key>.build), each a fixed number of queries whatever the year's size."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from importlib import import_module

from annual.snapshot import SECTION_KEYS, Section
from corporate_parenting.years import PoliticalYear


def builder(key: str) -> Callable[[PoliticalYear], Section]:
    if key not in SECTION_KEYS:
        raise KeyError(key)
    module = import_module(f"annual.sections.{key}")
    build: Callable[[PoliticalYear], Section] = module.build
    return build


def assemble(period: PoliticalYear, keys: Sequence[str] = SECTION_KEYS) -> list[Section]:
    """The sections, in the order given, for the year `period` (April to March or the municipal
    year: the caller builds the PoliticalYear with the council's chosen start month)."""
    return [builder(key)(period) for key in keys]
