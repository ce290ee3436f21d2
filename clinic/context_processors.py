from clinic.roles import ROLE_LABELS, role_names


def roles(request):
    """The signed-in user's role labels, for the navigation bar."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"user_roles": []}
    return {"user_roles": [ROLE_LABELS[name] for name in role_names(user)]}
