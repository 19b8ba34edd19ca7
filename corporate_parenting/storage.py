"""Where uploaded and built files are kept: report papers, annexes, pledge evidence, the council's
logo, converted Word papers and agenda packs.

On one server they are kept under MEDIA_ROOT on its disk (Django's FileSystemStorage). A council
that runs several web and worker containers keeps them in an S3-compatible object store instead
(AWS_STORAGE_BUCKET_NAME; MinIO in docker-compose), so a paper uploaded through one web
container is in the pack a worker makes and downloads from the other. Everything reads and
writes through Django's storage API (FieldFile.open and .save, default_storage), never a local
path, so the same code runs on either (README "Deployment").

Reading from the object store streams (corporate_parenting/object_storage.py, imported only when
STORAGES names it: boto3 takes a second or two to import, which a server on disk need not pay).

Downloads go through the portal, never a presigned address on the store: the view's permission
check and headers (attachment, nosniff, no-store for exempt papers) stay on every response, the
store needs no public address, and a link copied from the browser does not open the paper for
someone else.
"""

from __future__ import annotations

from django.core.files import File
from django.db.models.fields.files import FieldFile
from django.http import FileResponse


def stored_file_response(
    file: File, *, filename: str, as_attachment: bool, content_type: str | None = None
) -> FileResponse:
    """A stored file, opened for reading, sent in pieces from wherever it is kept (the response
    closes it), with its length: FileResponse finds the length of a file on disk itself, but
    not of a stream from the object store."""
    kwargs = {"content_type": content_type} if content_type else {}
    response = FileResponse(file, as_attachment=as_attachment, filename=filename, **kwargs)
    if not response.has_header("Content-Length"):
        opened = file.file if isinstance(file, FieldFile) else file
        size = getattr(opened, "size", None)
        if isinstance(size, int):
            response["Content-Length"] = str(size)
    return response
