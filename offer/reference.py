"""The national measures for children in care and care leavers in England, as indicator
definitions a council starts from (`python manage.py load_reference`).

Definitions only: code, name, definition, unit, polarity and the official statistic it comes
from. Never a figure, a target, a strategic priority or an owner: those are the council's own,
set in the browser. Loading adds the codes that are missing and leaves every code that is already
there exactly as it is, so a council's edits (a new name, a target, a retirement) survive a
second run.

Sources, all Department for Education official statistics:
- "Children looked after in England including adoption" (from the SSDA903 return): numbers,
  placements, health, missing, offending, care leavers and adoption.
- "Outcomes for children in need, including children looked after by local authorities in
  England": education outcomes of children looked after for 12 months or more.
- The adoption scorecard measures A1 and A2, in the DfE's local authority interactive tool.
A measure with no national statistic (the personal education plan) says so in its source.

Not included: Attainment 8 and Progress 8 (a score, and Progress 8 is negative for most
children looked after, which no unit here can hold).
"""

from __future__ import annotations

from dataclasses import dataclass

from offer.models import Polarity, Unit

CLA = "Children looked after in England including adoption (DfE, SSDA903)"
OUTCOMES = (
    "Outcomes for children in need, including children looked after by local authorities "
    "in England (DfE)"
)
LAIT = "DfE local authority interactive tool: adoption scorecard"
TWELVE_MONTHS = "Children looked after continuously for at least 12 months at 31 March"


@dataclass(frozen=True)
class ReferenceIndicator:
    code: str
    name: str
    definition: str
    unit: str
    polarity: str
    source: str


REFERENCE_INDICATORS: tuple[ReferenceIndicator, ...] = (
    # ------------------------------------------------------------ how many, and who
    ReferenceIndicator(
        "CLA-RATE",
        "Children looked after per 10,000 children",
        "Children looked after at 31 March, per 10,000 children aged under 18 in the area.",
        Unit.RATE,
        Polarity.CONTEXT,
        f"{CLA}: children looked after at 31 March, rate per 10,000 children aged under 18",
    ),
    ReferenceIndicator(
        "CLA-NUMBER",
        "Children looked after",
        "The number of children looked after at 31 March.",
        Unit.COUNT,
        Polarity.CONTEXT,
        f"{CLA}: children looked after at 31 March",
    ),
    ReferenceIndicator(
        "CLA-STARTS-RATE",
        "Children who started to be looked after, per 10,000 children",
        "Children who started to be looked after during the year ending 31 March, per 10,000 "
        "children aged under 18 in the area.",
        Unit.RATE,
        Polarity.CONTEXT,
        f"{CLA}: children starting to be looked after during the year, rate per 10,000",
    ),
    ReferenceIndicator(
        "CLA-UASC",
        "Unaccompanied asylum-seeking children looked after",
        "The number of unaccompanied asylum-seeking children looked after at 31 March.",
        Unit.COUNT,
        Polarity.CONTEXT,
        f"{CLA}: unaccompanied asylum-seeking children looked after at 31 March",
    ),
    # ------------------------------------------------------------ stability and placements
    ReferenceIndicator(
        "PLACEMENTS-3-PLUS",
        "Children with three or more placements in the year",
        "Children looked after at 31 March who had three or more placements during the year, "
        "as a percentage of all children looked after at 31 March.",
        Unit.PERCENT,
        Polarity.LOWER,
        f"{CLA}: placement stability, three or more placements during the year",
    ),
    ReferenceIndicator(
        "PLACEMENT-LONG-TERM",
        "Children in the same placement for at least 2 years",
        "Children aged under 16 at 31 March who had been looked after continuously for at "
        "least 2.5 years: the percentage who had lived in the same placement for at least 2 "
        "years, or were placed for adoption and their adoptive placement together with their "
        "previous placement lasted at least 2 years.",
        Unit.PERCENT,
        Polarity.HIGHER,
        f"{CLA}: long-term placement stability",
    ),
    ReferenceIndicator(
        "PLACED-OVER-20-MILES",
        "Children placed more than 20 miles from home",
        "Children looked after at 31 March placed more than 20 miles from their home address, "
        "as a percentage of those whose distance is known.",
        Unit.PERCENT,
        Polarity.LOWER,
        f"{CLA}: distance between home and placement, more than 20 miles",
    ),
    ReferenceIndicator(
        "PLACED-OUTSIDE-LA",
        "Children placed outside the council's area",
        "Children looked after at 31 March placed outside the council's boundary, as a "
        "percentage of all children looked after at 31 March.",
        Unit.PERCENT,
        Polarity.CONTEXT,
        f"{CLA}: placed outside the local authority boundary",
    ),
    ReferenceIndicator(
        "FOSTER-PLACEMENTS",
        "Children looked after living with foster carers",
        "Children looked after at 31 March in a foster placement, as a percentage of all "
        "children looked after at 31 March.",
        Unit.PERCENT,
        Polarity.CONTEXT,
        f"{CLA}: placement type at 31 March, foster placements",
    ),
    # ------------------------------------------------------------ health
    ReferenceIndicator(
        "HEALTH-ASSESSMENT",
        "Children who had their annual health assessment",
        f"{TWELVE_MONTHS}: the percentage whose annual health assessment was done in the year.",
        Unit.PERCENT,
        Polarity.HIGHER,
        f"{CLA}: health outcomes, annual health assessment",
    ),
    ReferenceIndicator(
        "DENTAL-CHECK",
        "Children who had their teeth checked by a dentist",
        f"{TWELVE_MONTHS}: the percentage who had their teeth checked by a dentist in the year.",
        Unit.PERCENT,
        Polarity.HIGHER,
        f"{CLA}: health outcomes, dental check",
    ),
    ReferenceIndicator(
        "IMMUNISATIONS",
        "Children whose immunisations are up to date",
        f"{TWELVE_MONTHS}: the percentage whose immunisations were up to date.",
        Unit.PERCENT,
        Polarity.HIGHER,
        f"{CLA}: health outcomes, immunisations up to date",
    ),
    ReferenceIndicator(
        "DEVELOPMENT-UNDER-5",
        "Children under 5 whose development assessments are up to date",
        f"{TWELVE_MONTHS}, aged under 5: the percentage whose development assessments were up "
        "to date.",
        Unit.PERCENT,
        Polarity.HIGHER,
        f"{CLA}: health outcomes, development assessments (under 5s)",
    ),
    ReferenceIndicator(
        "SDQ-COMPLETED",
        "Children with a Strengths and Difficulties Questionnaire (SDQ) score",
        f"{TWELVE_MONTHS}, aged 5 to 16: the percentage for whom an SDQ score was submitted.",
        Unit.PERCENT,
        Polarity.HIGHER,
        f"{CLA}: emotional and behavioural health, SDQ score submitted",
    ),
    ReferenceIndicator(
        "SDQ-MEAN",
        "Average Strengths and Difficulties Questionnaire (SDQ) score",
        f"{TWELVE_MONTHS}, aged 5 to 16 with an SDQ score: the average score. Scores run from 0 "
        "to 40; a higher score means more difficulties. Entered as a number (unit: count).",
        Unit.COUNT,
        Polarity.LOWER,
        f"{CLA}: emotional and behavioural health, average SDQ score",
    ),
    ReferenceIndicator(
        "SDQ-CONCERN",
        "Children whose SDQ score is a cause for concern",
        f"{TWELVE_MONTHS}, aged 5 to 16 with an SDQ score: the percentage whose score was 17 or "
        "more, a cause for concern.",
        Unit.PERCENT,
        Polarity.LOWER,
        f"{CLA}: emotional and behavioural health, SDQ score a cause for concern",
    ),
    ReferenceIndicator(
        "SUBSTANCE-MISUSE",
        "Children identified as having a substance misuse problem",
        f"{TWELVE_MONTHS}: the percentage identified as having a substance misuse problem "
        "during the year.",
        Unit.PERCENT,
        Polarity.CONTEXT,
        f"{CLA}: health outcomes, substance misuse",
    ),
    ReferenceIndicator(
        "CONVICTED-10-17",
        "Children aged 10 to 17 convicted or cautioned",
        f"{TWELVE_MONTHS}, aged 10 to 17: the percentage convicted or subject to a youth "
        "caution or youth conditional caution during the year.",
        Unit.PERCENT,
        Polarity.LOWER,
        f"{CLA}: offending, convictions and youth cautions",
    ),
    # ------------------------------------------------------------ missing
    ReferenceIndicator(
        "MISSING",
        "Children who went missing from their placement",
        "Children looked after during the year who had at least one missing incident, as a "
        "percentage of all children looked after during the year.",
        Unit.PERCENT,
        Polarity.LOWER,
        f"{CLA}: missing from placement during the year",
    ),
    ReferenceIndicator(
        "MISSING-INCIDENTS",
        "Missing incidents for each child who went missing",
        "The average number of missing incidents for each child looked after who went missing "
        "during the year.",
        Unit.COUNT,
        Polarity.LOWER,
        f"{CLA}: missing incidents per child who went missing",
    ),
    ReferenceIndicator(
        "AWAY-WITHOUT-AUTHORISATION",
        "Children away from their placement without authorisation",
        "Children looked after during the year who were away from their placement without "
        "authorisation at least once, as a percentage of all children looked after during the "
        "year.",
        Unit.PERCENT,
        Polarity.LOWER,
        f"{CLA}: away from placement without authorisation during the year",
    ),
    # ------------------------------------------------------------ education
    ReferenceIndicator(
        "KS2-RWM",
        "Key Stage 2: expected standard in reading, writing and maths",
        f"{TWELVE_MONTHS}, at the end of Key Stage 2: the percentage who reached the expected "
        "standard in reading, writing and maths.",
        Unit.PERCENT,
        Polarity.HIGHER,
        f"{OUTCOMES}: Key Stage 2 attainment",
    ),
    ReferenceIndicator(
        "KS4-ENGLISH-MATHS",
        "Key Stage 4: grade 4 or above in English and maths",
        f"{TWELVE_MONTHS}, at the end of Key Stage 4: the percentage who achieved grade 4 or "
        "above in English and maths.",
        Unit.PERCENT,
        Polarity.HIGHER,
        f"{OUTCOMES}: Key Stage 4 attainment",
    ),
    ReferenceIndicator(
        "PERSISTENT-ABSENCE",
        "Children persistently absent from school",
        f"{TWELVE_MONTHS}, of school age: the percentage who missed 10% or more of their "
        "possible school sessions.",
        Unit.PERCENT,
        Polarity.LOWER,
        f"{OUTCOMES}: persistent absence",
    ),
    ReferenceIndicator(
        "SUSPENSIONS",
        "Children with at least one suspension from school",
        f"{TWELVE_MONTHS}, of school age: the percentage with at least one suspension in the "
        "school year.",
        Unit.PERCENT,
        Polarity.LOWER,
        f"{OUTCOMES}: suspensions",
    ),
    ReferenceIndicator(
        "PEP-UP-TO-DATE",
        "Children with an up-to-date personal education plan",
        "Children looked after of school age whose personal education plan (PEP) was reviewed "
        "in the last term, as a percentage of all of them. The Virtual School counts it.",
        Unit.PERCENT,
        Polarity.HIGHER,
        "Local measure from the Virtual School's records: there is no national statistic",
    ),
    # ------------------------------------------------------------ care leavers
    ReferenceIndicator(
        "CL-EET-19-21",
        "Care leavers aged 19 to 21 in education, employment or training",
        "Care leavers aged 19, 20 and 21 in education, employment or training around their "
        "birthday, as a percentage of all care leavers of those ages.",
        Unit.PERCENT,
        Polarity.HIGHER,
        f"{CLA}: care leavers aged 19 to 21, activity",
    ),
    ReferenceIndicator(
        "CL-HE-19-21",
        "Care leavers aged 19 to 21 in higher education",
        "Care leavers aged 19, 20 and 21 in higher education (at university) around their "
        "birthday, as a percentage of all care leavers of those ages.",
        Unit.PERCENT,
        Polarity.HIGHER,
        f"{CLA}: care leavers aged 19 to 21, activity (higher education)",
    ),
    ReferenceIndicator(
        "CL-ACCOMMODATION-19-21",
        "Care leavers aged 19 to 21 in suitable accommodation",
        "Care leavers aged 19, 20 and 21 whose accommodation was judged suitable, as a "
        "percentage of all care leavers of those ages.",
        Unit.PERCENT,
        Polarity.HIGHER,
        f"{CLA}: care leavers aged 19 to 21, suitability of accommodation",
    ),
    ReferenceIndicator(
        "CL-IN-TOUCH-19-21",
        "Care leavers aged 19 to 21 the council is in touch with",
        "Care leavers aged 19, 20 and 21 the council was in touch with around their birthday, "
        "as a percentage of all care leavers of those ages.",
        Unit.PERCENT,
        Polarity.HIGHER,
        f"{CLA}: care leavers aged 19 to 21, local authority in touch",
    ),
    ReferenceIndicator(
        "CL-EET-17-18",
        "Care leavers aged 17 and 18 in education, employment or training",
        "Care leavers aged 17 and 18 in education, employment or training around their "
        "birthday, as a percentage of all care leavers of those ages.",
        Unit.PERCENT,
        Polarity.HIGHER,
        f"{CLA}: care leavers aged 17 and 18, activity",
    ),
    ReferenceIndicator(
        "CL-ACCOMMODATION-17-18",
        "Care leavers aged 17 and 18 in suitable accommodation",
        "Care leavers aged 17 and 18 whose accommodation was judged suitable, as a percentage "
        "of all care leavers of those ages.",
        Unit.PERCENT,
        Polarity.HIGHER,
        f"{CLA}: care leavers aged 17 and 18, suitability of accommodation",
    ),
    # ------------------------------------------------------------ permanence
    ReferenceIndicator(
        "CEASED-ADOPTED",
        "Children leaving care who were adopted",
        "Children who ceased to be looked after during the year because they were adopted, as "
        "a percentage of all children who ceased to be looked after.",
        Unit.PERCENT,
        Polarity.CONTEXT,
        f"{CLA}: children who ceased to be looked after, adopted",
    ),
    ReferenceIndicator(
        "ADOPTION-A1",
        "Days from entering care to moving in with an adoptive family",
        "For children adopted, the average number of days between entering care and moving in "
        "with their adoptive family (three-year average).",
        Unit.DAYS,
        Polarity.LOWER,
        f"{LAIT}, measure A1",
    ),
    ReferenceIndicator(
        "ADOPTION-A2",
        "Days from court authority to place to a match with an adoptive family",
        "The average number of days between the council receiving court authority to place a "
        "child for adoption and deciding on a match to an adoptive family (three-year average).",
        Unit.DAYS,
        Polarity.LOWER,
        f"{LAIT}, measure A2",
    ),
)
