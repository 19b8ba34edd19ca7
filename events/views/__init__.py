"""The events diary's pages, by who uses them: public pages, members' pages and sign-up, the
admin's diary management, the dates for the diary and roll-forward, calendar feeds, the month."""
