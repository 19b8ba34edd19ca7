"""What in a piece of text looks like it could identify a child: a name, a phone number, an
e-mail address, a postcode or a school. One function, used wherever young people's words are
entered or moderated (consultation findings and quotes, feedback on the offer), so the moderator
sees the same warnings everywhere. It only warns: the words are still saved, and the moderator
decides. It reads the text alone (no query), so a list can flag every row it shows.
"""

from __future__ import annotations

import re

NAME = "Looks like a person's name"
PHONE = "Looks like a phone number"
EMAIL = "Looks like an e-mail address"
POSTCODE = "Looks like a postcode"
SCHOOL = "Looks like the name of a school or college"
CHECK = "check before approving"

# Text longer than this is read up to here only: a regular expression over megabytes of pasted
# text is slow, and nothing entered in the portal is allowed to be that long anyway.
READ_AT_MOST = 20_000

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# UK numbers: 07700 900123, +44 7700 900123, 0117 496 0123, (020) 7946 0000, 01632960123.
_PHONE = re.compile(r"(?<![\w+])(?:\+44\s?\(?0?\)?\s?|\(?0)\d(?:[\s\-()]{0,2}\d){8,9}(?!\d)")
# A full UK postcode (SW1A 1AA, M1 1AE, B33 8TH) or its outward half followed by a space and
# the inward half; upper or lower case.
_POSTCODE = re.compile(
    r"\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b", re.IGNORECASE
)
_SCHOOL = re.compile(
    r"\b(?:[A-Z][\w'’-]*\s+){1,4}(?:Primary|Secondary|High|Grammar|Infant|Junior|Community)?\s*"
    r"(?:School|Academy|College|Primary)\b"
    r"|\b(?:Primary|Academy|College|School)\s+of\s+[A-Z]\w+",
)
# The council's own services, which are not a child's school.
NOT_SCHOOLS = frozenset({"Virtual School", "The Virtual School", "the Virtual School"})
_TITLE_NAME = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+[A-Z][a-z'’-]+")
_SAYS_NAME = re.compile(
    r"(?i:\bmy name is|\bmy name's|\bi am called|\bi'm called)\s+[^\W\d_]{2,}"
    r"|(?i:\bcall me)\s+[A-Z][a-z'’-]+"
)
# Two capitalised words together ("Jamie Smith"), read word by word below.
_CAPITALISED_PAIR = re.compile(r"\b([A-Z][a-z'’-]+)\s+([A-Z][a-z'’-]+)\b")
# Capitalised pairs that are not people: places and services young people talk about, days,
# months and the council's own words. Either word being here is enough to let a pair go.
_NOT_NAMES = frozenset(
    """
    a an and the this that these those my our your their his her its we you they i it he she
    when if but so or because after before then there here what why how who where which
    mon monday tue tuesday wed wednesday thu thursday fri friday sat saturday sun sunday
    january february march april may june july august september october november december
    council county city borough district town street road lane avenue park centre center
    care leaver leavers children child young people person team service services officer
    social worker workers personal adviser advisor advisers support housing money health
    nhs gp police court job jobcentre universal credit benefits bus pass rail card
    make a noise panel board forum corporate parenting virtual head teacher
    christmas easter summer winter spring autumn holiday holidays
    school schools academy college primary secondary high grammar infant junior university
    english england britain british uk london
    """.split()  # noqa: SIM905 (a list of words is easier to read and keep as lines)
)


def _looks_like_a_name(text: str) -> bool:
    if _TITLE_NAME.search(text) or _SAYS_NAME.search(text):
        return True
    for match in _CAPITALISED_PAIR.finditer(text):
        first, second = match.group(1), match.group(2)
        if first.lower() in _NOT_NAMES or second.lower() in _NOT_NAMES:
            continue
        # At the start of a sentence the first capital says nothing, but the second still does:
        # "Jamie Smith told me" is flagged as much as "I told Jamie Smith".
        return True
    return False


def identifying_details(text: str) -> list[str]:
    """The warnings for this text, in a fixed order, each once: what it looks like it holds,
    for the moderator to check before approving. An empty list when nothing was seen."""
    text = (text or "")[:READ_AT_MOST]
    found = []
    if _looks_like_a_name(text):
        found.append(NAME)
    if _PHONE.search(text):
        found.append(PHONE)
    if _EMAIL.search(text):
        found.append(EMAIL)
    if _POSTCODE.search(text):
        found.append(POSTCODE)
    if any(m.group(0).strip() not in NOT_SCHOOLS for m in _SCHOOL.finditer(text)):
        found.append(SCHOOL)
    return found


def warnings_for(text: str) -> list[str]:
    """The same, as the sentences shown beside the words: "Looks like a phone number: check
    before approving"."""
    return [f"{flag}: {CHECK}" for flag in identifying_details(text)]
