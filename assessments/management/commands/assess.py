"""python manage.py assess CASE.json [--json]: run the clinical reasoning on a case file.

Reads no database: the reasoning is pure Python and the case file holds all the facts.
"""

import json

from django.core.management.base import CommandError

from assessments.management.base import ReasoningCommand
from assessments.reasoning import CaseError, assess
from assessments.reasoning.cases import load_case, render_text


class Command(ReasoningCommand):
    help = "Assess a case file (see docs/cases/README.md) and print the assessment and draft plan."

    def add_arguments(self, parser):
        parser.add_argument("case", help="path to a case JSON file")
        parser.add_argument("--json", action="store_true", help="print the assessment as JSON")
        parser.add_argument(
            "--cleared",
            action="append",
            default=[],
            metavar="RED_FLAG_KEY",
            help="treat this red flag as cleared by a doctor or an override (repeatable)",
        )

    def handle(self, *args, **options):
        try:
            facts = load_case(options["case"])
        except CaseError as error:
            raise CommandError(f"{options['case']}: {error}") from error
        assessment = assess(facts, cleared_red_flags=frozenset(options["cleared"]))
        if options["json"]:
            self.stdout.write(json.dumps(assessment.to_dict(), indent=2, ensure_ascii=False))
        else:
            self.stdout.write(render_text(assessment), ending="")
