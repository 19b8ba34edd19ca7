"""Pages for panel meetings, by sub-domain: meetings, agenda, attendance (and declarations),
minutes (and resolutions), actions and bodies; common holds who may see a page and the meeting or
item it is about. Each view is thin: a scoped queryset, a form, one service call, a message."""
