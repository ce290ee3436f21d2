"""What the reasoning's own commands (assess, rule_catalogue) have in common."""

from django.core.management.base import BaseCommand


class ReasoningCommand(BaseCommand):
    """A command over the pure-Python reasoning alone: it reads no database, so it runs without
    Django's system checks and without the unapplied-migrations check (a clinician can run it
    on a bare checkout)."""

    requires_system_checks = []
    requires_migrations_checks = False
