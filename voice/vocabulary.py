"""The vocabulary voice starts with: the seven corporate parenting principles, in the words of
the Children and Social Work Act 2017, section 1(1), and a first list of themes (vocabulary, not
personal data) that admins then change, reorder and retire at /voice/themes/.

Loaded by a migration, and again by load_demo (a database emptied by tests gets them back);
ensure() takes the model classes so the migration can pass its historical ones.
"""

from __future__ import annotations

from typing import Any

# A local authority in England must, in carrying out functions in relation to the children and
# young people mentioned in subsection (2), have regard to the need—
PRINCIPLES = (
    (
        "a",
        "Best interests, health and wellbeing",
        "to act in the best interests, and promote the physical and mental health and "
        "well-being, of those children and young people",
    ),
    (
        "b",
        "Express their views",
        "to encourage those children and young people to express their views, wishes and feelings",
    ),
    (
        "c",
        "Take their views into account",
        "to take into account the views, wishes and feelings of those children and young people",
    ),
    (
        "d",
        "Access to services",
        "to help those children and young people gain access to, and make the best use of, "
        "services provided by the local authority and its relevant partners",
    ),
    (
        "e",
        "High aspirations and the best outcomes",
        "to promote high aspirations, and seek to secure the best outcomes, for those children "
        "and young people",
    ),
    (
        "f",
        "Safety and stability",
        "for those children and young people to be safe, and for stability in their home lives, "
        "relationships and education or work",
    ),
    (
        "g",
        "Preparing for adulthood",
        "to prepare those children and young people for adulthood and independent living",
    ),
)

# slug, name, description
THEMES = (
    ("housing", "Housing", "Where they live, moving on, a first home of their own."),
    ("money", "Money", "Allowances, grants, bills, debt and managing money."),
    (
        "health-and-wellbeing",
        "Health and wellbeing",
        "Physical and mental health, feeling well, getting help when they need it.",
    ),
    (
        "education-and-work",
        "Education and work",
        "School, college, university, training, apprenticeships and jobs.",
    ),
    (
        "relationships-and-family",
        "Relationships and family",
        "Family time, brothers and sisters, friends, carers and the people who matter.",
    ),
    ("feeling-safe", "Feeling safe", "Being and feeling safe, at home, online and around."),
    (
        "being-listened-to",
        "Being listened to",
        "Being heard, having a say, and seeing something done about it.",
    ),
    ("identity", "Identity", "Who they are: culture, faith, language, their story."),
)


def ensure(Principle: Any, Theme: Any) -> None:
    """The principles as the Act words them, and the first themes when there are none (an
    admin's list, retired themes included, is never touched)."""
    for letter, short_name, wording in PRINCIPLES:
        Principle.objects.update_or_create(
            letter=letter, defaults={"short_name": short_name, "wording": wording}
        )
    if Theme.objects.exists():
        return
    Theme.objects.bulk_create(
        Theme(slug=slug, name=name, description=description, position=position * 10)
        for position, (slug, name, description) in enumerate(THEMES, start=1)
    )
