from django.db import migrations


def grant_api_key_permissions(apps, schema_editor):
    # The role table in clinic.roles gives the clinic admin the API-key permissions; they
    # exist only now that the ApiKey model does.
    from clinic.roles import sync_group_permissions

    sync_group_permissions(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("interop", "0001_api_keys"),
        ("assessments", "0010_assess14_instrument_registry_choices"),
        ("clinic", "0008_audit_actions_of_the_api"),
    ]

    operations = [migrations.RunPython(grant_api_key_permissions, migrations.RunPython.noop)]
