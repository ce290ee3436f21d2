"""python manage.py rule_catalogue [--output FILE]: the rule base as Markdown for clinical
review (docs/rules.md is this command's output)."""

from pathlib import Path

from assessments.management.base import ReasoningCommand
from assessments.reasoning import RULES
from assessments.reasoning.catalogue import render_catalogue_markdown


class Command(ReasoningCommand):
    help = "Write the clinical rule catalogue (Markdown) to stdout or to --output FILE."

    def add_arguments(self, parser):
        parser.add_argument("--output", help="write to this file instead of stdout")

    def handle(self, *args, **options):
        markdown = render_catalogue_markdown(RULES)
        if options["output"]:
            Path(options["output"]).write_text(markdown, encoding="utf-8")
            self.stdout.write(f"Wrote {len(RULES)} rules to {options['output']}")
        else:
            self.stdout.write(markdown, ending="")
