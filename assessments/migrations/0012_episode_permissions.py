from django.db import migrations


def grant_episode_permissions(apps, schema_editor):
    # The role table in clinic.roles names the episode and visit permissions; they exist only
    # now that the models do.
    from clinic.roles import sync_group_permissions

    sync_group_permissions(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("assessments", "0011_episodes_and_visits"),
    ]

    operations = [migrations.RunPython(grant_episode_permissions, migrations.RunPython.noop)]
