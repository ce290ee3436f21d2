"""The trigram indexes of patient search write new names straight into the index.

By default a GIN index collects new entries in a "pending list" that every search reads from
end to end until a vacuum (or 4 MB of pending entries) merges it. After 100,000 registrations
that list held 10,000 names, 345 pages: each trigram lookup read all of them, and a two-word
near-match search took 25 ms instead of 2.4 ms. Registrations are rare next to searches, so the
indexes are updated on each write instead (fastupdate off), and the list there now is merged.
"""

from django.db import migrations

INDEXES = ["intake_patient_search_name_trgm", "intake_patient_phone_trgm"]


def fastupdate_off(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for index in INDEXES:
        schema_editor.execute(f"ALTER INDEX {index} SET (fastupdate = off)")
        schema_editor.execute("SELECT gin_clean_pending_list(%s::regclass)", [index])


def fastupdate_on(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for index in INDEXES:
        schema_editor.execute(f"ALTER INDEX {index} RESET (fastupdate)")


class Migration(migrations.Migration):
    dependencies = [("intake", "0009_merge_history_questions_and_patient_search")]

    operations = [migrations.RunPython(fastupdate_off, fastupdate_on)]
