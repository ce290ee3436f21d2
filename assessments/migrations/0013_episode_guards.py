from django.db import migrations

# PostgreSQL only, as 0007_records_guards for exams and plans: triggers that refuse, whatever the
# path (queryset, _base_manager, raw SQL),
#  - any change to a signed visit note, and deleting any note;
#  - any change to a discharged episode, and deleting any episode;
#  - any change to an addendum, a re-assessment or a stored episode document.
# SQLite keeps the model and queryset guards only.
GUARDS = """
CREATE OR REPLACE FUNCTION assessments_locked_status_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR OLD.status = TG_ARGV[0] THEN
        RAISE EXCEPTION '% on % refused: %', TG_OP, TG_TABLE_NAME, TG_ARGV[1]
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER assessments_visit_signed_locked
    BEFORE UPDATE OR DELETE ON assessments_visit
    FOR EACH ROW EXECUTE FUNCTION assessments_locked_status_guard(
        'signed', 'a signed note is corrected by an addendum');
CREATE TRIGGER assessments_episode_discharged_locked
    BEFORE UPDATE OR DELETE ON assessments_episode
    FOR EACH ROW EXECUTE FUNCTION assessments_locked_status_guard(
        'discharged', 'a discharged episode is read-only');
"""
APPEND_ONLY = {
    "assessments_visitaddendum": "an addendum is kept as written",
    "assessments_reassessment": "a re-assessment is kept as recorded",
    "assessments_episodedocument": "a stored document is never changed",
}
GUARDS += "".join(
    f"""
CREATE TRIGGER {table}_locked
    BEFORE UPDATE OR DELETE ON {table}
    FOR EACH ROW EXECUTE FUNCTION assessments_refuse_change('{reason}');
"""
    for table, reason in APPEND_ONLY.items()
)
DROP_GUARDS = (
    "".join(f"DROP TRIGGER IF EXISTS {table}_locked ON {table};\n" for table in APPEND_ONLY)
    + """
DROP TRIGGER IF EXISTS assessments_episode_discharged_locked ON assessments_episode;
DROP TRIGGER IF EXISTS assessments_visit_signed_locked ON assessments_visit;
DROP FUNCTION IF EXISTS assessments_locked_status_guard();
"""
)


def _on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0012_episode_permissions"),
    ]

    operations = [
        migrations.RunPython(_on_postgresql(GUARDS), _on_postgresql(DROP_GUARDS)),
    ]
