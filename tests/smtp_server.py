"""A real SMTP server in the test process (aiosmtpd), on a free local port.

Mail goes through Django's SMTP backend, configured from an EMAIL_URL exactly as the settings
read it, so a test sees what a mail server would receive, not what Django meant to send.
"""

import email
import socket
from email import policy

import environ
import pytest
from aiosmtpd.controller import Controller


class _Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append((envelope.rcpt_tos, message))
        return "250 Message accepted for delivery"


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_inbox(settings):
    """Start an SMTP server and point Django's email settings at it through EMAIL_URL."""
    inbox = _Inbox()
    port = _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    for name, value in environ.Env.email_url_config(f"smtp://127.0.0.1:{port}").items():
        setattr(settings, name, value)
    try:
        yield inbox
    finally:
        controller.stop()


def body_of(message):
    return message.get_body(preferencelist=("plain",)).get_content()
