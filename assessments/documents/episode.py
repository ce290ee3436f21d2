"""The episode's documents: the progress report (after a re-assessment), the discharge summary
and the letter to the referring or family doctor. Printed from plain data, on the base renderer
(bundled fonts, every user string escaped, the patient's language)."""

from __future__ import annotations

import dataclasses
from datetime import date

from django.utils.translation import gettext as _
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from assessments.documents.base import (
    FONT_REGULAR,
    MARGIN_X,
    MUTED_COLOUR,
    PAGE_SIZE,
    RULE_COLOUR,
    BaseDocument,
    format_date,
)
from assessments.documents.data import Letterhead, PatientBlock, _check_language
from assessments.documents.markup import single_line


@dataclasses.dataclass(frozen=True)
class OutcomeRow:
    name: str
    baseline: float
    now: float
    score_max: float
    baseline_text: str
    now_text: str
    change_text: str  # "Clinically important improvement since baseline (MCID 10)"


@dataclasses.dataclass(frozen=True)
class EpisodeReportData:
    """What a progress report, a discharge summary and a doctor's letter print."""

    kind: str  # "progress_report", "discharge_summary", "doctor_letter"
    letterhead: Letterhead
    patient: PatientBlock
    practitioner_name: str
    report_date: date
    opened_on: date
    visits_done: int
    goals: tuple[tuple[str, str], ...]  # (goal, "met" / "not met" in words)
    outcomes: tuple[OutcomeRow, ...]
    cramps_then: str
    cramps_now: str
    treatment_done: tuple[str, ...]
    next_step: str
    notes: str = ""
    reason: str = ""  # the reason for discharge
    home_programme: str = ""
    recipient: str = ""  # the doctor the letter is addressed to
    language: str = "en"

    def __post_init__(self) -> None:
        _check_language(self.language)


class EpisodeReportDocument(BaseDocument):
    data: EpisodeReportData

    def document_title(self) -> str:
        return {
            "progress_report": _("Progress report"),
            "discharge_summary": _("Discharge summary"),
            "doctor_letter": _("Discharge letter"),
        }[self.data.kind]

    def footer_fields(self) -> tuple[str, ...]:
        return (self.document_title(), format_date(self.data.report_date), self.fingerprint_label())

    def story(self) -> list[Flowable]:
        data = self.data
        story: list[Flowable] = [self.para(format_date(data.report_date), "right")]
        if data.kind == "doctor_letter":
            story.append(self.labelled(_("To:"), data.recipient))
        story += [
            Spacer(1, 3 * mm),
            self.para(self.document_title(), "title"),
            Spacer(1, 2 * mm),
            self.details_table(
                [
                    *self.patient_rows(),
                    (_("Episode of care"), self._period()),
                    (_("Visits"), str(data.visits_done)),
                ]
            ),
        ]
        if data.kind == "doctor_letter":
            story += [
                Spacer(1, 4 * mm),
                self.para(_("Dear %(recipient)s,") % {"recipient": data.recipient}),
                self.para(
                    _(
                        "The patient named above has been discharged from our care. This letter "
                        "summarises the episode, the results and the home programme they keep."
                    )
                ),
            ]
        if data.reason:
            story.append(self.labelled(_("Reason for discharge:"), data.reason, "heading"))
        story += self._goals() + self._outcomes() + self._cramps() + self._treatment()
        if data.home_programme.strip():
            story += [
                self.para(_("Home programme to keep"), "subheading"),
                self.para(data.home_programme),
            ]
        if data.next_step.strip():
            story += [self.para(_("What comes next"), "subheading"), self.para(data.next_step)]
        if data.notes.strip():
            story += [self.para(_("Notes"), "subheading"), self.para(data.notes)]
        story.append(self._signature())
        return story

    def _period(self) -> str:
        return _("from %(opened)s to %(date)s") % {
            "opened": format_date(self.data.opened_on),
            "date": format_date(self.data.report_date),
        }

    def _goals(self) -> list[Flowable]:
        if not self.data.goals:
            return []
        rows = [(goal, result) for goal, result in self.data.goals]
        return [self.para(_("Goals"), "subheading"), self.details_table(rows)]

    def _outcomes(self) -> list[Flowable]:
        if not self.data.outcomes:
            return []
        rows = [
            (row.name, f"{row.baseline_text} → {row.now_text}. {row.change_text}")
            for row in self.data.outcomes
        ]
        return [
            self.para(_("Outcome measures, baseline and now"), "subheading"),
            self.details_table(rows),
            Spacer(1, 2 * mm),
            self._chart(),
        ]

    def _chart(self) -> Drawing:
        """Two bars per measure, baseline (grey) and now (dark), each on its own full scale."""
        width = PAGE_SIZE[0] - 2 * MARGIN_X
        label_width, bar_height, gap = 45 * mm, 4 * mm, 3 * mm
        rows = self.data.outcomes
        height = len(rows) * (2 * bar_height + gap) + 8 * mm
        drawing = Drawing(width, height)
        scale = width - label_width - 10 * mm
        y = height - 6 * mm
        for row in rows:
            y -= 2 * bar_height
            drawing.add(
                String(
                    0,
                    y + bar_height / 2,
                    single_line(row.name)[:40],
                    fontName=FONT_REGULAR,
                    fontSize=8,
                )
            )
            for offset, value, colour in (
                (bar_height, row.baseline, RULE_COLOUR),
                (0, row.now, MUTED_COLOUR),
            ):
                length = max(0.5, scale * (value / row.score_max if row.score_max else 0))
                drawing.add(
                    Rect(
                        label_width,
                        y + offset,
                        length,
                        bar_height - 1,
                        fillColor=colour,
                        strokeColor=None,
                    )
                )
            y -= gap
        drawing.add(
            String(
                label_width,
                0,
                _("Upper bar: baseline · lower bar: now"),
                fontName=FONT_REGULAR,
                fontSize=7,
                fillColor=MUTED_COLOUR,
            )
        )
        return drawing

    def _cramps(self) -> list[Flowable]:
        return [
            self.labelled(
                _("Cramps a week:"),
                _("%(then)s at the start, %(now)s now")
                % {"then": self.data.cramps_then, "now": self.data.cramps_now},
            )
        ]

    def _treatment(self) -> list[Flowable]:
        if not self.data.treatment_done:
            return []
        return [
            self.para(_("What was done"), "subheading"),
            *self.bullets(self.data.treatment_done),
        ]

    def _signature(self) -> Flowable:
        return KeepTogether(
            [
                Spacer(1, 6 * mm),
                self.para(_("Yours sincerely,") if self.data.kind == "doctor_letter" else ""),
                Spacer(1, 8 * mm),
                self.para(self.data.practitioner_name, "label"),
                self.para(self.letterhead.name, "muted"),
            ]
        )
