"""Writes to the search synonyms list (officers), each recorded in the audit trail."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from corporate_parenting.audit import audit_record
from corporate_parenting.models import User
from offer.models import SearchSynonym


@transaction.atomic
def search_synonym_save(
    *, synonym: SearchSynonym | None = None, actor: User | None, term: str, words: str
) -> SearchSynonym:
    """Add or change a synonym; the same term twice is refused."""
    clash = SearchSynonym.objects.filter(term=term)
    if synonym is not None:
        clash = clash.exclude(pk=synonym.pk)
    if clash.exists():
        raise ValidationError({"term": f"‘{term}’ is already in the list: change that one"})
    before = ("", "") if synonym is None else (synonym.term, synonym.words)
    synonym = synonym or SearchSynonym()
    synonym.term, synonym.words = term, words
    synonym.save()
    audit_record(
        actor=actor,
        instance=synonym,
        action="created" if before == ("", "") else "changed",
        changes={"term": (before[0], term), "words": (before[1], words)},
    )
    return synonym


@transaction.atomic
def search_synonym_delete(*, synonym: SearchSynonym, actor: User | None) -> None:
    audit_record(
        actor=actor,
        instance=synonym,
        action="deleted",
        changes={"term": (synonym.term, ""), "words": (synonym.words, "")},
    )
    synonym.delete()
