from django.db import migrations


def grant_plan_permissions(apps, schema_editor):
    # The role table in clinic.roles names the treatment-plan permissions (view, add, change,
    # sign, print); they exist only now that the TreatmentPlan model does.
    from clinic.roles import sync_group_permissions

    sync_group_permissions(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("assessments", "0004_treatment_plans"),
    ]

    operations = [migrations.RunPython(grant_plan_permissions, migrations.RunPython.noop)]
