"""Finding things in the offer: the everyday words people type, and the words of the
published offer kept for "did you mean"."""

from __future__ import annotations

from django.contrib.postgres.indexes import GinIndex
from django.db import models

from corporate_parenting.models import BaseModel


class SearchSynonymQuerySet(models.QuerySet["SearchSynonym"]):
    def as_map(self) -> dict[str, list[str]]:
        """Everyday word or phrase -> the words the offer uses, for one search."""
        return {row.term: row.word_list for row in self.only("term", "words")}


class SearchSynonym(BaseModel):
    """An everyday word young people use, and the words the offer uses for it ("skint" ->
    "money allowance"). Officers keep the list; search reads it on every query."""

    term = models.CharField(
        "what people type",
        max_length=60,
        unique=True,
        help_text="A word or short phrase, for example 'skint' or 'flat'.",
    )
    words = models.CharField(
        "words the offer uses",
        max_length=200,
        help_text="Separate them with commas, for example 'money, allowance'.",
    )

    objects = SearchSynonymQuerySet.as_manager()

    class Meta:
        ordering = ("term",)

    def __str__(self) -> str:
        return f"{self.term} -> {self.words}"

    @property
    def word_list(self) -> list[str]:
        return [word.strip() for word in self.words.split(",") if word.strip()]


class SearchWord(models.Model):
    """A word that occurs in the published offer, kept for "did you mean" (trigram matched).
    Rebuilt from the entries whenever they change; never edited by hand."""

    word = models.CharField(max_length=100, primary_key=True)
    stem = models.CharField(max_length=100, db_index=True)
    entries = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [
            GinIndex(fields=["word"], name="offer_search_word_trgm", opclasses=["gin_trgm_ops"])
        ]

    def __str__(self) -> str:
        return self.word


class SearchWordsVersion(models.Model):
    """Which state of the published offer SearchWord was built from (one row)."""

    version = models.CharField(max_length=100)

    def __str__(self) -> str:
        return self.version
