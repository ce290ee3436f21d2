"""Django's ModelBackend, reading the signed-in user, what they may do and their roles cheaply.

Every request reads its user by id: with SQL compiled once (clinic.row_lookup), not per request.

Every page asks both: its permission check (``user.has_perm``) and the navigation bar's role
labels. ModelBackend answers them with three queries (the user's own permissions, their groups'
permissions, their group names); this backend reads the same rows with one, once per request,
and answers exactly as ModelBackend does (same caches, superusers and inactive users included).
Nothing is kept between requests: a role taken away or an account closed counts on the next page.
"""

from functools import cache

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.db.models import CharField, Value

from clinic.row_lookup import RowLookup, ValuesLookup


def _access_rows(user_id):
    groups = Group.objects.filter(user=user_id).values_list(
        "name", "permissions__content_type__app_label", "permissions__codename"
    )
    # A permission granted to the person, not through a group, has no group name.
    own = Permission.objects.filter(user=user_id).values_list(
        Value(None, output_field=CharField()), "content_type__app_label", "codename"
    )
    return groups.order_by().union(own.order_by(), all=True)


_ACCESS = ValuesLookup(_access_rows, 0)


def load_access(user):
    """Fill the user's permission caches (ModelBackend's names) and their group names."""
    names, from_groups, from_user = set(), set(), set()
    for group, app_label, codename in _ACCESS.rows(user.pk):
        if group is not None:
            names.add(group)
        if codename is not None:
            (from_groups if group is not None else from_user).add(f"{app_label}.{codename}")
    user._group_names = names
    if user.is_active and not user.is_superuser:
        user._group_perm_cache = from_groups
        user._user_perm_cache = from_user
        user._perm_cache = from_user | from_groups


def group_names(user):
    """The names of the groups the user belongs to (read with their permissions)."""
    if not hasattr(user, "_group_names"):
        load_access(user)
    return user._group_names


@cache
def _user_row():
    return RowLookup(get_user_model(), "pk", 0)


class ClinicBackend(ModelBackend):
    def get_user(self, user_id):
        user = _user_row().get(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None

    def get_all_permissions(self, user_obj, obj=None):
        usable = user_obj.is_active and not user_obj.is_anonymous and obj is None
        if usable and not user_obj.is_superuser and not hasattr(user_obj, "_perm_cache"):
            load_access(user_obj)
        return super().get_all_permissions(user_obj, obj)
