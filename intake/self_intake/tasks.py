"""Work done outside the request for self-intake links: emailing one to the patient.

Queued through Django's tasks API (the django-tasks backport): development and tests run it at
once, production stores it for `manage.py db_worker`. The task receives the link's id, never its
token: the worker derives the token again from the stored salt, so the task queue (a database
table in production) holds nothing that opens a questionnaire.
"""

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from clinic.models import ClinicProfile
from intake.models import SelfIntakeLink
from intake.self_intake.selectors import link_is_live, link_token


@task()
def email_self_intake_link(*, link_id, to, base_url, language):
    """Send the link to the patient; a link revoked or used since it was queued is not sent."""
    link = SelfIntakeLink.objects.select_related("patient", "intake").filter(pk=link_id).first()
    if link is None or not link_is_live(link):
        return False
    url = base_url.rstrip("/") + reverse("self_intake", args=[link_token(link)])
    clinic = ClinicProfile.current()
    with translation.override(language):
        context = {"clinic": clinic, "link": link, "url": url, "patient": link.patient}
        subject = render_to_string("intake/email/self_intake_link_subject.txt", context)
        body = render_to_string("intake/email/self_intake_link_body.txt", context)
    message = EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        to=[to],
        reply_to=[clinic.email] if clinic.email else None,
    )
    message.send()
    return True
