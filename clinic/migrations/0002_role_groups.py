from django.db import migrations


def create_role_groups(apps, schema_editor):
    from clinic.roles import sync_group_permissions

    sync_group_permissions(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("clinic", "0001_initial"),
        ("intake", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_role_groups, migrations.RunPython.noop)]
