"""Patient search as the front desk types (issue 16): names compared without apostrophes,
hyphens and periods, phone numbers found by any part.

search_name is re-folded in SQL (REPLACE on the already folded value gives what
clinic.text.fold_name now stores), so 100,000 patients take one statement, not a Python loop
through the guarded model. On PostgreSQL a trigram index on phone serves "0104" and "555-0104"
(LIKE '%...%'), as the one on search_name serves names.
"""

from django.db import migrations

# Every character clinic.text.fold_name removes (see _NAME_PUNCTUATION there).
REMOVED = [
    "'",
    "\u2019",
    "\u2018",
    "\u02bc",
    "`",
    "\u00b4",
    ".",
    "-",
    "\u2010",
    "\u2011",
    "\u2012",
    "\u2013",
    "\u2014",
]


def refold(apps, schema_editor):
    expression = "search_name"
    for character in REMOVED:
        quoted = character.replace("'", "''")
        expression = f"REPLACE({expression}, '{quoted}', '')"
    schema_editor.execute(
        f"UPDATE intake_patient SET search_name = {expression}"  # noqa: S608 (constants only)
    )


def phone_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS intake_patient_phone_trgm "
            "ON intake_patient USING gin (phone gin_trgm_ops)"
        )


def drop_phone_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS intake_patient_phone_trgm")


class Migration(migrations.Migration):
    dependencies = [("intake", "0007_merge_clinical")]

    operations = [
        # Irreversible in content (the punctuation is gone), harmless to leave on the way back.
        migrations.RunPython(refold, migrations.RunPython.noop),
        migrations.RunPython(phone_index, drop_phone_index),
    ]
