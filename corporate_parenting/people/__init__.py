"""People: inviting them, their roles and duties, ending their term, and their own account page."""
