"""Full-text search over passages, on both databases the service supports.

- SQLite: an FTS5 table holding each passage's text, kept in step by triggers on insert, update
  and delete (bulk creates and cascading deletes included, since triggers run in the database).
- PostgreSQL: a GIN index on to_tsvector('english', text), used by analysis.selectors.search_passages.
"""

from django.db import migrations

SQLITE_CREATE = [
    "CREATE VIRTUAL TABLE analysis_passage_fts USING fts5("
    "text, content='analysis_passage', content_rowid='id', tokenize='porter unicode61')",
    "CREATE TRIGGER analysis_passage_fts_insert AFTER INSERT ON analysis_passage BEGIN "
    "INSERT INTO analysis_passage_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER analysis_passage_fts_delete AFTER DELETE ON analysis_passage BEGIN "
    "INSERT INTO analysis_passage_fts(analysis_passage_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER analysis_passage_fts_update AFTER UPDATE OF text ON analysis_passage BEGIN "
    "INSERT INTO analysis_passage_fts(analysis_passage_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "INSERT INTO analysis_passage_fts(rowid, text) VALUES (new.id, new.text); END",
    "INSERT INTO analysis_passage_fts(analysis_passage_fts) VALUES ('rebuild')",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS analysis_passage_fts_insert",
    "DROP TRIGGER IF EXISTS analysis_passage_fts_delete",
    "DROP TRIGGER IF EXISTS analysis_passage_fts_update",
    "DROP TABLE IF EXISTS analysis_passage_fts",
]
POSTGRES_CREATE = [
    "CREATE INDEX analysis_passage_search ON analysis_passage USING gin (to_tsvector('english', text))",
]
POSTGRES_DROP = ["DROP INDEX IF EXISTS analysis_passage_search"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        statements = statements_by_vendor.get(schema_editor.connection.vendor, [])
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("analysis", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_CREATE, "postgresql": POSTGRES_CREATE}),
            _run({"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}),
        )
    ]
