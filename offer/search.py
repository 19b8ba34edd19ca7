"""Finding help in the offer the way young people ask for it.

A search is read word by word. Each word becomes a group of alternatives: the word itself, its
British or American spelling, what the editors' synonyms list says it means, and, when the
offer has no such word, the closest word it does have (PostgreSQL trigram similarity: that is
the "did you mean"). An entry matches when it has something of every group, ignoring filler
such as "help" or "how do I"; when no entry has them all, the entries with most of them are
shown, and the page says so. Ranking counts the groups an entry's title and summary answer
before anything else, so an entry that answers the question beats one that shares a word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import BooleanField, Count, Max
from django.db.models.expressions import RawSQL

from offer.models import (
    SEARCH_CONFIG,
    OfferEntry,
    OfferEntryQuerySet,
    SearchSynonym,
    SearchWord,
    SearchWordsVersion,
)
from offer.synonyms import SPELLINGS

MAX_WORDS = 10
# Words that say how someone asks, not what they want: they rank but are never required.
FILLER = frozenset(
    [
        "help",
        "helps",
        "helping",
        "get",
        "getting",
        "need",
        "needs",
        "want",
        "wants",
        "can",
        "could",
        "how",
        "what",
        "where",
        "when",
        "who",
        "which",
        "why",
        "do",
        "does",
        "did",
        "free",
        "please",
        "any",
        "some",
        "give",
        "gives",
        "find",
        "am",
        "im",
        "i",
        "me",
        "my",
        "you",
        "your",
        "is",
        "are",
        "there",
        "stuff",
        "thing",
        "things",
        "pay",
        "paid",
        "about",
        "with",
        "for",
        "the",
        "a",
        "an",
        "to",
        "of",
        "on",
        "in",
        "at",
        "and",
        "or",
        "it",
        "anyone",
        "someone",
        "something",
        "info",
        "information",
        "support",
    ]
)
# How close a word must be (pg_trgm similarity, 0 to 1) to be offered as "did you mean".
CORRECTION_SIMILARITY = 0.3
WORDS_CHECKED_KEY = "offer-search-words-checked"
WORDS_CHECK_SECONDS = 60
_WORD = re.compile(r"[a-z0-9]+")
_SPELLING_PAIRS = {**SPELLINGS, **{uk: us for us, uk in SPELLINGS.items()}}


def words_of(text: str) -> list[str]:
    """Lower-case words, apostrophes dropped ("don't" -> "dont"), at most MAX_WORDS."""
    text = (text or "").lower().replace("'", "").replace("\u2019", "")
    return _WORD.findall(text)[:MAX_WORDS]


def spellings(word: str) -> set[str]:
    """The word's other spellings: "organize" -> "organise", "color" -> "colour"."""
    found = set()
    if word in _SPELLING_PAIRS:
        found.add(_SPELLING_PAIRS[word])
    for us, uk in (("ize", "ise"), ("yze", "yse"), ("izing", "ising"), ("ized", "ised")):
        if word.endswith(us):
            found.add(word[: -len(us)] + uk)
        elif word.endswith(uk):
            found.add(word[: -len(uk)] + us)
    if word.endswith("or") and len(word) > 4:
        found.add(word[:-2] + "our")
    if word.endswith("ter") and len(word) > 5:
        found.add(word[:-3] + "tre")
    return found


@dataclass
class Group:
    """One thing the person asked for, and every way the offer might say it."""

    typed: str
    alternatives: set[str] = field(default_factory=set)
    filler: bool = False
    correction: str = ""

    def tsquery(self) -> str:
        """to_tsquery text: alternatives ORed, a phrase's words joined by <->. Words are
        [a-z0-9]+ only, so nothing here can be read as an operator."""
        parts = []
        for alternative in sorted(self.alternatives):
            tokens = _WORD.findall(alternative.lower())
            if tokens:
                parts.append("(" + " <-> ".join(tokens) + ")")
        return " | ".join(parts)


@dataclass
class Understanding:
    groups: list[Group]
    did_you_mean: str = ""

    @property
    def required(self) -> list[Group]:
        return [group for group in self.groups if not group.filler] or self.groups


def _phrase_groups(words: list[str], synonyms: dict[str, list[str]]) -> list[Group]:
    """Words into groups, taking synonyms of two or three words ("social worker") as one."""
    groups: list[Group] = []
    index = 0
    while index < len(words):
        phrase = next(
            (
                " ".join(words[index : index + size])
                for size in (3, 2)
                if index + size <= len(words) and " ".join(words[index : index + size]) in synonyms
            ),
            "",
        )
        if phrase:
            groups.append(Group(typed=phrase, alternatives={phrase, *synonyms[phrase]}))
            index += len(phrase.split())
            continue
        word = words[index]
        group = Group(typed=word, alternatives={word, *spellings(word)})
        for alternative in list(group.alternatives):
            group.alternatives.update(synonyms.get(alternative, ()))
        group.filler = word in FILLER
        groups.append(group)
        index += 1
    return groups


def understand(text: str) -> Understanding:
    """The groups of a search, with misspelt words corrected from the offer's own words."""
    synonyms = SearchSynonym.objects.as_map()
    groups = _phrase_groups(words_of(text), synonyms)
    # A word the synonyms list knows is understood; the others are looked up in the offer.
    unknown = [
        group
        for group in groups
        if not group.filler and " " not in group.typed and group.typed not in synonyms
    ]
    if not unknown:
        return Understanding(groups)
    words_checked()
    asked = sorted({word for group in unknown for word in group.alternatives})
    known, closest = _lookup(asked, list(synonyms))
    for group in unknown:
        if group.alternatives & known:
            continue
        correction = closest.get(group.typed)
        if correction:
            group.correction = correction
            group.alternatives.add(correction)
            group.alternatives.update(synonyms.get(correction, ()))
    did_you_mean = ""
    if any(group.correction for group in groups):
        did_you_mean = " ".join(group.correction or group.typed for group in groups)
    return Understanding(groups, did_you_mean)


def _lookup(words: list[str], terms: list[str]) -> tuple[set[str], dict[str, str]]:
    """Which words the published offer has (as typed or stemmed: "paying" is "pay"), or are
    stop words; and for the others, the closest word the offer or the synonyms list has, if one
    is close enough (trigram similarity). One query."""
    sql = """
        SELECT q.w,
               numnode(plainto_tsquery(%s, q.w)) = 0
               OR EXISTS (SELECT 1 FROM offer_searchword s WHERE s.word = q.w)
               OR EXISTS (
                   SELECT 1 FROM offer_searchword s
                   WHERE s.stem = ANY(tsvector_to_array(to_tsvector(%s, q.w)))
               ) AS known,
               (SELECT v.word FROM (
                    SELECT word, entries FROM offer_searchword
                    WHERE word %% q.w AND similarity(word, q.w) >= %s
                    UNION ALL
                    SELECT t, 1 FROM unnest(%s::text[]) AS t WHERE similarity(t, q.w) >= %s
                ) AS v ORDER BY similarity(v.word, q.w) DESC, v.entries DESC, v.word LIMIT 1)
        FROM unnest(%s::text[]) AS q(w)
    """
    params: list[Any] = [
        SEARCH_CONFIG,
        SEARCH_CONFIG,
        CORRECTION_SIMILARITY,
        terms,
        CORRECTION_SIMILARITY,
        words,
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    known = {word for word, is_known, _ in rows if is_known}
    closest = {word: best for word, is_known, best in rows if not is_known and best}
    return known, closest


# ---------------------------------------------------------------- the offer's own words


def _published_version() -> str:
    state = OfferEntry.objects.published().aggregate(n=Count("pk"), last=Max("updated_at"))
    return f"{state['n']}:{state['last'].isoformat() if state['last'] else ''}"


def words_checked() -> None:
    """words_refresh at most once a minute per process: a new word an editor publishes is
    offered as "did you mean" within a minute, and searches in between skip the check."""
    if cache.add(WORDS_CHECKED_KEY, True, timeout=WORDS_CHECK_SECONDS):
        words_refresh()


def words_refresh(*, force: bool = False) -> bool:
    """Rebuild the list of words in the published offer when the offer has changed since it was
    built (one query when it has not). Returns whether it was rebuilt."""
    version = _published_version()
    if not force and SearchWordsVersion.objects.filter(pk=1, version=version).exists():
        return False
    with transaction.atomic():
        # One rebuild at a time; a second search waiting here finds the work done.
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext('offer_searchword'))")
        if not force and SearchWordsVersion.objects.filter(pk=1, version=version).exists():
            return False
        SearchWord.objects.all().delete()
        with connection.cursor() as cursor:
            cursor.execute(
                """
                INSERT INTO offer_searchword (word, stem, entries)
                SELECT word, coalesce((tsvector_to_array(to_tsvector(%s, word)))[1], word), ndoc
                FROM ts_stat($$
                    SELECT to_tsvector('simple', title || ' ' || summary || ' ' || details)
                    FROM offer_offerentry WHERE status = 'published'
                $$)
                WHERE length(word) BETWEEN 2 AND 100 AND word ~ '^[a-z0-9]+$' AND word !~ '^[0-9]{3,}$'
                """,
                [SEARCH_CONFIG],
            )
        SearchWordsVersion.objects.update_or_create(pk=1, defaults={"version": version})
    return True


# ---------------------------------------------------------------- the query


@dataclass
class Found:
    entries: OfferEntryQuerySet
    understanding: Understanding
    partial: bool = False
    count: int | None = None  # known already, so the page need not count again


def _ranked(
    rows: OfferEntryQuerySet, understanding: Understanding, text: str
) -> OfferEntryQuerySet:
    groups = [group.tsquery() for group in understanding.groups if group.tsquery()]
    required = [group.tsquery() for group in understanding.required if group.tsquery()]
    # How many groups the title and summary answer, then how many anything answers, then
    # PostgreSQL's weighted rank (title over summary over the rest).
    answered = " + ".join(
        "(CASE WHEN ts_filter(offer_offerentry.search_vector, '{a,b}') @@ "
        f"to_tsquery('{SEARCH_CONFIG}', %s) THEN 1 ELSE 0 END)"
        for _ in required
    )
    anywhere = " + ".join(
        f"(CASE WHEN offer_offerentry.search_vector @@ to_tsquery('{SEARCH_CONFIG}', %s) "
        "THEN 1 ELSE 0 END)"
        for _ in required
    )
    every = " | ".join(f"({group})" for group in groups)
    score = (
        f"2 * ({answered}) + ({anywhere}) "
        f"+ ts_rank('{{0.05, 0.2, 0.6, 1.0}}', offer_offerentry.search_vector, "
        f"to_tsquery('{SEARCH_CONFIG}', %s)) "
    )
    # Only parameters carry what was typed; the SQL text is ours.
    return rows.annotate(
        rank=RawSQL(  # noqa: S611
            score,
            [*required, *required, every],
        )
    ).order_by("-rank", "title")


def _matches(tsquery: str) -> RawSQL:
    return RawSQL(  # noqa: S611 (the tsquery is a parameter)
        f"offer_offerentry.search_vector @@ to_tsquery('{SEARCH_CONFIG}', %s)",
        [tsquery],
        output_field=BooleanField(),
    )


def offer_search(rows: OfferEntryQuerySet, text: str) -> Found:
    """Published entries (already filtered by age and status) that answer the words, best
    first. Every entry that matches is in the queryset: the page pages it, never cuts it."""
    understanding = understand(text)
    required = [group.tsquery() for group in understanding.required if group.tsquery()]
    if not required:
        return Found(rows.order_by("category__order", "title"), understanding)
    every = " & ".join(f"({query})" for query in required)
    some = " | ".join(f"({group.tsquery()})" for group in understanding.groups if group.tsquery())
    # Both counts in one pass: entries with every word, and entries with any.
    counts = rows.filter(_matches(some)).aggregate(
        every=Count("pk", filter=_matches(every)), some=Count("pk")
    )
    if counts["every"]:
        matched = rows.filter(_matches(every))
        return Found(_ranked(matched, understanding, text), understanding, count=counts["every"])
    if counts["some"]:
        partial = rows.filter(_matches(some))
        return Found(
            _ranked(partial, understanding, text), understanding, partial=True, count=counts["some"]
        )
    # No word found at all, even corrected: titles that look like what was typed (pg_trgm word
    # similarity, through the title's trigram index).
    typed = " ".join(words_of(text))
    alike = rows.filter(
        RawSQL("%s <%% offer_offerentry.title", [typed], output_field=BooleanField())
    ).annotate(rank=RawSQL("word_similarity(%s, offer_offerentry.title)", [typed]))
    return Found(alike.order_by("-rank", "title"), understanding, partial=True)
