"""Where a file is stored: every file the service writes is written, read, hashed and checked here.

Files live in Django's default storage: a folder on a laptop, object storage (django-storages' S3Storage)
when `OBJECT_STORAGE_BUCKET` is set. Callers name a file (`published/<hash>/plan.pdf`) and pass or get
bytes; nothing else needs to know which store is behind the name. Two ways to write:

- `store`: a file written once under a name that says what it holds (a hash, an id). A name already
  taken keeps its file, so storing again, or after a rolled-back transaction, changes nothing.
- `replace`: a file whose name stays while its bytes change (a latest copy, a daily anchor, a render's
  progress). Readers, on this machine or another, see the old file or the new one, never half of one or none.

Anything read back that must not have changed is compared with the SHA-256 taken when it was written
(`verify`), because whoever can reach the folder or the bucket can change it.
"""

import datetime
import hashlib
import os
import tempfile
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage


@dataclass(frozen=True)
class StoredFile:
    """A file as written: the name it is stored under and the SHA-256 and size of the bytes given.
    `written` is False when `store` found the name already taken and kept the file there."""

    name: str
    sha256: str
    size: int
    written: bool = True


@dataclass(frozen=True)
class FileCheck:
    """A file read back for checking: its bytes (None when there is no file) and their SHA-256."""

    name: str
    expected_sha256: str
    content: bytes | None
    sha256: str | None

    @property
    def missing(self) -> bool:
        return self.content is None

    @property
    def intact(self) -> bool:
        """The file is there and its bytes are the ones recorded."""
        return self.content is not None and self.sha256 == self.expected_sha256


def sha256_of(content: bytes) -> str:
    """The SHA-256 of a file's bytes as 64 hex characters: the hash every stored file is recorded by."""
    return hashlib.sha256(content).hexdigest()


def store(name: str, content: bytes) -> StoredFile:
    """Write a file once. If the name is already taken its file is kept and nothing is written
    (`written` is False), so a caller that fails afterwards removes only what it wrote itself."""
    digest, size = sha256_of(content), len(content)
    if default_storage.exists(name):
        return StoredFile(name, digest, size, written=False)
    # The store may pick another name if someone took this one a moment ago; that name is returned.
    saved = default_storage.save(name, ContentFile(content))
    return StoredFile(saved, digest, size)


def replace(name: str, content: bytes) -> StoredFile:
    """Write `content` at `name`, replacing any file there. On a local disk the new file is written
    aside and renamed over the old one, so a reader never sees half a file; an object store replaces
    objects whole (deleted first, because the store never overwrites a name)."""
    path = local_path(name)
    if path is None:
        # One PUT replaces the object whole, so readers on any machine get the old bytes or the new, never
        # none. Deleting first and saving (the store is set never to overwrite a name) left a moment with no
        # file, which readers on other app servers and workers hit. `_save` writes the name as given.
        saved = default_storage._save(name, ContentFile(content))  # type: ignore[attr-defined]
        return StoredFile(saved, sha256_of(content), len(content))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".writing-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.chmod(temporary, 0o644)  # mkstemp makes files only their owner can read; the web server reads these
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
    return StoredFile(name, sha256_of(content), len(content))


def read(name: str) -> bytes | None:
    """A stored file's bytes, or None when there is no file under the name (or no name)."""
    if not name:
        return None
    try:  # opened straight away: asking first whether it exists costs a round trip and can be out of date
        with default_storage.open(name, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        return None


def verify(name: str, expected_sha256: str) -> FileCheck:
    """Read a file back and compare its bytes with the SHA-256 recorded when it was written. The bytes
    come with the answer, so a caller serves exactly what it checked rather than reading twice."""
    content = read(name)
    return FileCheck(name, expected_sha256, content, None if content is None else sha256_of(content))


def exists(name: str) -> bool:
    """Whether a file is stored under the name: asked before making a file that is costly to make."""
    return default_storage.exists(name)


def delete(name: str) -> None:
    """Remove a stored file; a name with no file is not an error."""
    default_storage.delete(name)


def names_in(directory: str) -> list[str]:
    """The names of the files directly in a directory (not their paths), or none when it does not
    exist. Listed rather than tested with exists(): an object store has no folders, only names."""
    try:
        return default_storage.listdir(directory)[1]
    except FileNotFoundError:
        return []


def all_names(directory: str = "") -> list[str]:
    """Every file's name in the store (or under `directory`), folders walked, sorted: what a backup copies.
    Files being written aside (`.writing-*`) are left out."""
    try:
        folders, names = default_storage.listdir(directory)
    except FileNotFoundError:
        return []
    prefix = f"{directory}/" if directory else ""
    found = [f"{prefix}{name}" for name in names if not name.startswith(".writing-")]
    for folder in folders:
        found += all_names(f"{prefix}{folder}")
    return sorted(found)


def modified_at(name: str) -> datetime.datetime:
    """When the file was last written, as the store reports it."""
    return default_storage.get_modified_time(name)


def local_path(name: str) -> str | None:
    """The file's path on this machine, for serving it straight from disk; None when files are in an
    object store, which has no local path."""
    try:
        return default_storage.path(name)
    except NotImplementedError:
        return None


def ensure_bucket() -> bool:
    """Make the object store's bucket if it is missing (True when made). Only for object storage."""
    bucket = default_storage.bucket  # type: ignore[attr-defined]  # S3Storage's boto3 Bucket
    client = bucket.meta.client
    try:
        client.head_bucket(Bucket=bucket.name)
        return False
    except client.exceptions.ClientError:
        client.create_bucket(Bucket=bucket.name)
        return True
