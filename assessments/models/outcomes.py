"""Outcome measures: one completed questionnaire, with its answers and score."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from assessments import outcomes
from assessments.models.exams import Exam, ExamLockedError
from assessments.models.vocabulary import ExamStatus
from clinic.model_helpers import patient_link, protected_link, staff_link


class OutcomeSource(models.TextChoices):
    PRACTITIONER = "practitioner", _("Practitioner")
    PATIENT = "patient", _("Patient")


def instrument_choices():
    """Every registered measure (assessments/outcomes/instruments/), in display order."""
    return [(code, _(instrument.name)) for code, instrument in outcomes.INSTRUMENTS.items()]


class OutcomeMeasure(models.Model):
    """One completed questionnaire: the answers as given and the score computed from them.

    It belongs to the patient's record on ``taken_on``, the day it was answered; ``exam`` is set
    only when it was taken as part of an exam still being recorded. A finished exam takes no new
    questionnaire: a later one is the patient's on its own date (or part of a new exam).
    """

    patient = patient_link("outcome_measures")
    exam = protected_link(Exam, "outcome_measures", _("exam"), optional=True)
    instrument = models.CharField(_("instrument"), max_length=8, choices=instrument_choices)
    answers = models.JSONField(_("answers"))
    score = models.FloatField(_("score"))
    # The clinic's calendar day the questionnaire was answered: what the chart's trend plots.
    taken_on = models.DateField(_("date answered"), default=timezone.localdate)
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)
    recorded_by = staff_link(_("recorded by"), optional=True)
    source = models.CharField(
        _("filled in by"),
        max_length=15,
        choices=OutcomeSource.choices,
        default=OutcomeSource.PRACTITIONER,
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("outcome measure")
        verbose_name_plural = _("outcome measures")
        ordering = ["taken_on", "recorded_at", "pk"]
        indexes = [models.Index(fields=["patient", "instrument", "recorded_at"])]

    def __str__(self):
        return f"{self.instrument} {self.score_display} · {self.taken_on:%Y-%m-%d}"

    def save(self, *args, **kwargs):
        # Attaching a new questionnaire to a finished exam would change the exam without a
        # correction; it is recorded on the patient's chart instead (services.outcome_record).
        if self.pk is None and self.exam_id is not None:
            stored = Exam.objects.filter(pk=self.exam_id).values_list("status", flat=True).first()
            if stored == ExamStatus.FINISHED:
                raise ExamLockedError
        super().save(*args, **kwargs)

    @property
    def definition(self):
        return outcomes.get_instrument(self.instrument)

    @property
    def score_display(self):
        """The score as shown: "37.8%", or "37.8%, 9 of 10 sections" for a partial form."""
        definition = self.definition
        text = definition.display_score(self.score)
        # A score stored without its answers (entered as a total) says nothing about sections:
        # "0 of 10 sections" beside a real score would be a claim the record does not hold.
        if definition.scores_partial_forms and isinstance(self.answers, dict) and self.answers:
            answered = definition.sections_answered(self.answers)
            total = len(definition.items)
            if answered < total:
                text = _("%(score)s, %(answered)d of %(total)d sections") % {
                    "score": text,
                    "answered": answered,
                    "total": total,
                }
        return text

    def clean(self):
        super().clean()
        if self.recorded_by_id is None and self.source == OutcomeSource.PRACTITIONER:
            raise ValidationError({"recorded_by": _("Say which practitioner recorded this.")})
        if self.exam_id is not None and self.exam.patient_id != self.patient_id:
            raise ValidationError({"exam": _("This exam belongs to another patient.")})
        if self.taken_on and self.taken_on > timezone.localdate():
            raise ValidationError({"taken_on": _("The date answered cannot be in the future.")})
