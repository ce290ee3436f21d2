"""What the pages (views) share: turning a service's refusal into the form's error, and sending
the user back with a message when a page cannot be used now."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect

from clinic.concurrency import ConcurrentEditError


def save_form(form, write):
    """Run ``write``, the service call that saves ``form``; a refusal becomes the form's error.

    After someone else's save, what was typed is kept and the next save goes against the version
    now stored; a ValidationError (a locked record, invalid values) is shown as it is. Returns
    (True, what ``write`` returned) or (False, the record as someone else saved it, or None).
    """
    try:
        return True, write()
    except ConcurrentEditError as error:
        form.add_error(None, error.message)
        form.take_version(error.current)
        return False, error.current
    except ValidationError as error:
        form.add_error(None, error)
        return False, None


def redirect_with_warning(request, message, to, **kwargs):
    """The page cannot be used now (a locked record, a step out of order): say why, there."""
    messages.warning(request, message)
    return redirect(to, **kwargs)
