from django.db import migrations


def grant_exam_permissions(apps, schema_editor):
    # The role table in clinic.roles already names assessments.view_exam/add_exam/change_exam;
    # they exist only now that the Exam model does, so the groups receive them here.
    from clinic.roles import sync_group_permissions

    sync_group_permissions(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("clinic", "0002_role_groups"),
        ("intake", "0004_intake_permissions"),
        ("assessments", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant_exam_permissions, migrations.RunPython.noop)]
