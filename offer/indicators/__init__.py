"""KPI definitions managed in the browser by KPI owners and admins: create, edit, retire,
reinstate, delete (only without figures), a definitions-only CSV import and the national
reference list (`load_reference`)."""
