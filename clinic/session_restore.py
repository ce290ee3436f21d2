"""Nothing typed is lost when the idle session ends.

A form posted after the session expired is answered, as before, by a redirect to the sign-in
page. On the way out, SessionExpiryMiddleware keeps what was typed (minus the CSRF token,
passwords and one-time codes; files are not kept) in the new, still anonymous, server-side
session, with the user it belonged to, the form page's address and the time. Nothing of it goes
into a cookie. Sign-in keeps the session's data (``login()`` cycles the key); a different user
signing in drops it at once. When the same user opens the form page within
FORM_RESTORE_MINUTES, base.html hands the values once to static/clinic/session.js, which puts
them back into the form, unsaved, with a notice asking to check and save. Nothing is submitted
for the user.

Who the expired session belonged to is known from a small signed cookie set while a user is
signed in (the expired session's own data is gone, whichever session backend is used).

The idle timeout itself slides: IdleRenewalMiddleware renews it at most once a minute, and
session_seconds_left() tells the page's idle warning how long is left.
"""

import time

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.dispatch import receiver

MARKER_COOKIE = "clinic_signed_in"
MARKER_SALT = "clinic.session_restore.marker"
EXPIRED_KEY = "clinic.session_expired"
RESTORE_KEY = "clinic.form_restore"


def restore_minutes():
    return getattr(settings, "FORM_RESTORE_MINUTES", 10)


RENEWED_KEY = "clinic.renewed_at"


def renew_every_seconds():
    """How often a signed-in user's requests renew the idle timeout (at most once a minute)."""
    return min(getattr(settings, "SESSION_RENEW_SECONDS", 60), settings.SESSION_COOKIE_AGE / 10)


def mark_renewed(session):
    """Record a renewal; the change makes the session store save it, with a new expiry."""
    session[RENEWED_KEY] = time.time()


def session_seconds_left(request):
    """Seconds until this session ends if nothing renews it (what the idle warning counts down).

    The store sets the expiry whenever it saves the session; a save is forced at most once a
    minute (IdleRenewalMiddleware), so the time since that renewal is already used up.
    """
    age = request.session.get_expiry_age()
    renewed_at = request.session.get(RENEWED_KEY)
    if renewed_at is None:
        return age
    return max(0, round(age - (time.time() - renewed_at)))


def _fresh(stash):
    return time.time() - stash.get("at", 0) <= restore_minutes() * 60


def take_restore(request):
    """The kept form for this page and this user, once; None when there is none."""
    session = request.session
    stash = session.get(RESTORE_KEY)
    if not stash or not request.user.is_authenticated:
        return None
    if stash.get("owner") != str(request.user.pk) or not _fresh(stash):
        del session[RESTORE_KEY]
        return None
    if stash.get("path") != request.get_full_path():
        return None  # kept until its own page is opened, or it goes stale
    del session[RESTORE_KEY]
    return stash["fields"]


def expiry_notice(request):
    """What the sign-in page says: None, "expired", or "kept" (expired, the form is kept)."""
    session = request.session
    if not session.get(EXPIRED_KEY):
        return None
    stash = session.get(RESTORE_KEY)
    return "kept" if stash and _fresh(stash) else "expired"


@receiver(user_logged_in, dispatch_uid="clinic-session-restore-login")
def _forget_for_other_users(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session"):
        return
    session = request.session
    session.pop(EXPIRED_KEY, None)
    mark_renewed(session)
    stash = session.get(RESTORE_KEY)
    if stash and stash.get("owner") != str(user.pk):
        del session[RESTORE_KEY]  # never restore one user's typing to another


@receiver(user_logged_out, dispatch_uid="clinic-session-restore-logout")
def _note_sign_out(sender, request, user, **kwargs):
    if request is not None:
        request._clinic_signed_out = True
