"""`manage.py check_object_store [--create-bucket]`: can this machine write, read and delete in the shared store?

Run it on each new app server or worker before it takes traffic (docs/deploy.md). With --create-bucket, a bucket
that does not exist yet is made first (a new deployment, or the store scripts/cluster.py starts).
"""

import uuid

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core import files


class Command(BaseCommand):
    help = "Check that the shared file store can be written, read and deleted from this machine"

    def add_arguments(self, parser):
        parser.add_argument("--create-bucket", action="store_true", help="Make the bucket if it does not exist")

    def handle(self, *, create_bucket, **options):
        if not settings.OBJECT_STORAGE_BUCKET:
            raise CommandError("OBJECT_STORAGE_BUCKET is not set: files go to this machine's MEDIA_ROOT only.")
        if create_bucket:
            created = files.ensure_bucket()
            self.stdout.write(f"Bucket {settings.OBJECT_STORAGE_BUCKET}: {'made' if created else 'already there'}")
        name = f"checks/{uuid.uuid4().hex}.txt"
        content = b"written by manage.py check_object_store"
        try:
            stored = files.store(name, content)
            check = files.verify(name, stored.sha256)
            files.delete(name)
        except Exception as error:
            raise CommandError(f"The store could not be used: {error}") from error
        if not check.intact:
            raise CommandError("A file written to the store did not read back the same.")
        self.stdout.write(f"The store {settings.OBJECT_STORAGE_BUCKET} was written, read back and cleared.")
