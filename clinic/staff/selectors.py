"""Reads for the staff page."""

from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404

from clinic.roles import GROUP_PERMISSIONS


def staff_list():
    """Every account, active first, with its role groups and credentials in two queries."""
    return (
        get_user_model()
        .objects.select_related("staff_profile")
        # An API key's own account (interop.ApiKey.user) is managed on the API-key page.
        .filter(api_key__isnull=True)
        .prefetch_related("groups")
        .order_by("-is_active", "last_name", "first_name", "username")
    )


def staff_get(pk):
    return get_object_or_404(
        get_user_model().objects.select_related("staff_profile").filter(api_key__isnull=True),
        pk=pk,
    )


def role_of(user):
    """The user's role (a key of clinic.roles.GROUP_PERMISSIONS), or "" if they have none."""
    names = {group.name for group in user.groups.all()}
    return next((role for role in GROUP_PERMISSIONS if role in names), "")
