from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = [
    "add_article", "change_article", "delete_article", "view_article", "edit_article_settings",
    "add_bouncesignature", "change_bouncesignature", "delete_bouncesignature", "view_bouncesignature",
    "view_feedback", "view_missedquery", "delete_missedquery",
]
# Translators change articles' text only: without edit_article_settings the admin shows the
# slug, category, publication and signatures read-only to them.
TRANSLATORS = ["view_article", "change_article", "view_bouncesignature"]


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations; these groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in (("Editors", EDITORS), ("Translators", TRANSLATORS)):
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set(Permission.objects.filter(content_type__app_label="articles", codename__in=codenames))


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Editors", "Translators"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_missedquery_alter_article_options_article_revision"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
