"""The table of the shared cache (settings.CACHES, decision 0027), made by `migrate` alone, so every way the
service starts (make run, CI, a cluster) has it."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    # Makes the table of every database cache in settings.CACHES, if missing; does nothing for other backends.
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
