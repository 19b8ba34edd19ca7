"""Serving a file someone uploaded.

An upload is whatever its author's computer made: a PDF may carry JavaScript or an action that
runs when it is opened, and a file may not be what its name says. So every upload goes back as a
download (`Content-Disposition: attachment`), never shown inside the portal's own pages, and the
browser is told not to guess another type from its bytes (`nosniff`). Every view that sends an
upload sends it through here.
"""

from __future__ import annotations

from django.core.files import File
from django.http import FileResponse

from corporate_parenting.storage import stored_file_response


def upload_response(file: File, filename: str) -> FileResponse:
    """The uploaded file, opened for reading, as a download named `filename`, sent in pieces
    from where it is kept, on disk or in the object store (the response closes it). The type is
    taken from the name."""
    response = stored_file_response(file, as_attachment=True, filename=filename)
    response["X-Content-Type-Options"] = "nosniff"
    return response
