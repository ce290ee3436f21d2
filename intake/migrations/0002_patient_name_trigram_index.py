"""Part-of-name search at clinic-network scale: a trigram index on PostgreSQL.

SQLite (the embedded default) has no trigram index; there the plain index on search_name and a
small table keep search quick enough.
"""

from django.db import migrations

CREATE = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS intake_patient_search_name_trgm "
    "ON intake_patient USING gin (search_name gin_trgm_ops)",
]
DROP = ["DROP INDEX IF EXISTS intake_patient_search_name_trgm"]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("intake", "0001_initial")]

    operations = [migrations.RunPython(_run(CREATE), _run(DROP))]
