"""The one rule for a count the public reads, or that leaves the portal in an export: a count
under five is shown as "fewer than 5", so nobody can work out which child a small number is."""

SMALL_NUMBER = 5
FEWER_THAN = f"fewer than {SMALL_NUMBER}"


def public_count(count: int) -> str:
    """A count as the public and exports show it: "fewer than 5" under five, else the number."""
    return FEWER_THAN if count < SMALL_NUMBER else f"{count:,}"
