"""The patient handout: what we found, what we do at the clinic, and the home programme with a
picture of each exercise, a week of tick boxes, and signature lines. At most two pages for a
typical plan, never a near-empty last page: it is laid out at a few sizes, largest first, and
the first layout that fits is kept.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from assessments.documents.base import (
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_TOP_LATER,
    MARGIN_X,
    TABLE_BASE_STYLE,
    BaseDocument,
    format_date,
    format_signed_date,
    stylesheet,
)
from assessments.documents.flowables import KeepTogetherBlock
from assessments.documents.handout_data import HandoutData, HandoutExercise
from assessments.documents.handout_flowables import ExercisePicture, WeekTicks
from assessments.documents.markup import paragraph_text

PAGE_SIZES = {"A4": A4, "LETTER": LETTER}
MAX_PAGES = 2
# A last page filled less than this is "near empty": try a tighter layout.
MIN_LAST_PAGE_FILL = 0.3
# The quick height estimate leaves out the gaps between flowables and the room a block leaves
# when it moves to the next page; a story estimated above this share of two pages has never
# fitted in them (measured on the example cases), so its full render is skipped.
ESTIMATE_LIMIT = 0.85


@dataclass(frozen=True)
class Layout:
    figure_width: float
    font_size: float
    gap: float


LAYOUTS = (
    Layout(figure_width=44 * mm, font_size=9.5, gap=3 * mm),
    Layout(figure_width=38 * mm, font_size=9, gap=2 * mm),
    Layout(figure_width=32 * mm, font_size=8.5, gap=1.5 * mm),
    Layout(figure_width=28 * mm, font_size=8, gap=1 * mm),
)


@functools.cache
def _styles(font_size: float) -> dict[str, ParagraphStyle]:
    body = stylesheet()["body"]
    leading = font_size * 1.3
    return {
        "text": ParagraphStyle(
            f"handout-{font_size}", parent=body, fontSize=font_size, leading=leading, spaceAfter=1
        ),
        "title": ParagraphStyle(
            f"handout-title-{font_size}",
            parent=stylesheet()["label"],
            fontSize=font_size + 1.5,
            leading=leading + 2,
            spaceAfter=2,
        ),
        "step": ParagraphStyle(
            f"handout-step-{font_size}",
            parent=body,
            fontSize=font_size,
            leading=leading,
            leftIndent=11,
            bulletIndent=0,
            spaceAfter=0,
        ),
    }


class HandoutDocument(BaseDocument):
    data: HandoutData

    def __init__(self, data: HandoutData):
        super().__init__(data)
        self.layout = LAYOUTS[0]
        self._last_y: list[tuple[int, float, float, float]] = []

    @property
    def is_draft(self) -> bool:
        return self.data.is_draft

    @property
    def page_size(self) -> tuple[float, float]:
        return PAGE_SIZES[self.data.page_size]

    def document_title(self) -> str:
        return _("Your home programme")

    def footer_fields(self) -> tuple[str, ...]:
        version = _("Care plan version %(version)s") % {"version": self.data.version}
        if self.data.signed_at is None:
            status = _("DRAFT")
        else:
            status = _("Signed %(date)s") % {"date": format_signed_date(self.data.signed_at)}
        return (version, status, self.fingerprint_label())

    # --- choosing the layout ------------------------------------------------------------------

    def render(self) -> bytes:
        """The first layout that fits in two pages without a near-empty last page."""
        tried = []
        for layout in LAYOUTS:
            self.layout = layout
            if layout is not LAYOUTS[-1] and self._surely_too_long():
                continue  # skip a full render that cannot fit (the render is the costly part)
            pdf = super().render()
            fill = self._last_page_fill()
            tried.append((self.page_count, -fill, pdf))
            if self.page_count <= MAX_PAGES and (
                self.page_count == 1 or fill >= MIN_LAST_PAGE_FILL
            ):
                return pdf
        # A long plan: the fewest pages, then the fullest last page.
        return min(tried, key=lambda entry: entry[:2])[2]

    def _surely_too_long(self) -> bool:
        """The story's height alone, before gaps and page breaks, is too much for two pages."""
        width, height = self.page_size
        frame_width = width - 2 * MARGIN_X
        room = (height - MARGIN_TOP - MARGIN_BOTTOM) + (height - MARGIN_TOP_LATER - MARGIN_BOTTOM)
        with translation.override(self.data.language):
            story = [*self._letterhead_story(), *self.story()]
        needed = sum(flowable.wrapOn(None, frame_width, height)[1] for flowable in story)
        return needed > room * ESTIMATE_LIMIT

    def _doc_template(self, buffer):
        template = super()._doc_template(buffer)
        self._last_y = []

        # Where the last flowable ended on its page: reportlab's frame keeps its cursor in _y.
        def track(flowable):
            frame = template.frame
            self._last_y.append((template.page, frame._y, frame._y1, frame._height))

        template.afterFlowable = track
        return template

    def _last_page_fill(self) -> float:
        if not self._last_y:
            return 1.0
        _page, y, bottom, height = self._last_y[-1]
        top = bottom + height
        return (top - y) / height

    # --- the story ----------------------------------------------------------------------------

    def story(self) -> list[Flowable]:
        data = self.data
        flowables: list[Flowable] = [
            self.para(self.document_title(), "title"),
            self._who_and_when(),
        ]
        if data.see_doctor.strip():
            flowables += [
                self.para(_("See a doctor first"), "heading"),
                self.para(data.see_doctor, "label"),
            ]
        if data.findings:
            flowables += [
                self.para(_("What we found"), "heading"),
                self._text(" ".join(data.findings)),
            ]
        if data.in_clinic or data.visits.strip():
            flowables.append(self.para(_("What we will do at the clinic"), "heading"))
            flowables += self._bullets(data.in_clinic)
            if data.visits.strip():
                flowables.append(self._labelled(_("Visits:"), data.visits))
        if data.exercises:
            flowables += [
                self.para(_("Your exercises at home"), "heading"),
                self._text(
                    _(
                        "Do these between visits. Each exercise has a box for each day of the "
                        "first week (1 to 7): tick it when you have done the exercise."
                    )
                ),
            ]
            flowables += [
                self._exercise_block(number, exercise)
                for number, exercise in enumerate(data.exercises, start=1)
            ]
        if data.advice:
            flowables.append(self.para(_("Also at home"), "heading"))
            flowables += self._bullets(data.advice)
        if data.precautions:
            flowables.append(self.para(_("Please take care"), "heading"))
            flowables += self._bullets(data.precautions)
        flowables.append(self._signatures())
        return flowables

    def _who_and_when(self) -> Paragraph:
        parts = [self.patient.full_name, format_date(self.data.plan_date)]
        if self.data.practitioner_name.strip():
            parts.append(self.data.practitioner_name)
        return Paragraph(" · ".join(paragraph_text(p) for p in parts), self.styles["muted"])

    def _text(self, text: str, style: str = "text") -> Paragraph:
        return Paragraph(paragraph_text(text), _styles(self.layout.font_size)[style])

    def _labelled(self, label: str, value: str) -> Paragraph:
        markup = f"<b>{paragraph_text(label)}</b> {paragraph_text(value)}"
        return Paragraph(markup, _styles(self.layout.font_size)["text"])

    def _bullets(self, texts) -> list[Paragraph]:
        style = _styles(self.layout.font_size)["step"]
        return [Paragraph(paragraph_text(t), style, bulletText="•") for t in texts]

    def _exercise_block(self, number: int, exercise: HandoutExercise) -> Flowable:
        styles = _styles(self.layout.font_size)
        text: list[Flowable] = []
        if exercise.dosage.strip():
            text.append(self._labelled(_("How much:"), exercise.dosage))
        text += [
            Paragraph(paragraph_text(step), styles["step"], bulletText=f"{index}.")
            for index, step in enumerate(exercise.steps, start=1)
            if step.strip()
        ]
        if exercise.feel.strip():
            text.append(self._labelled(_("You should feel:"), exercise.feel))
        if exercise.stop.strip():
            text.append(self._text(exercise.stop))
        cells = [text]
        widths = [self.page_size[0] - 2 * MARGIN_X]
        if exercise.photo is not None or exercise.figure:
            picture = ExercisePicture(
                number=number,
                key=exercise.key,
                figure=exercise.figure,
                photo=exercise.photo,
                width=self.layout.figure_width,
            )
            cells = [picture, text]
            widths = [
                self.layout.figure_width + 4 * mm,
                widths[0] - self.layout.figure_width - 4 * mm,
            ]
        # The text cell keeps its default right padding (6 pt): the title row fits inside it.
        text.insert(0, self._title_and_ticks(exercise.title, widths[-1] - 6))
        table = Table([cells], colWidths=widths, splitInRow=1, hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    *TABLE_BASE_STYLE,
                    ("TOPPADDING", (0, 0), (-1, -1), self.layout.gap),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), self.layout.gap),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.4, "#d0d7de"),
                ]
            )
        )
        return KeepTogetherBlock([table])

    def _title_and_ticks(self, title: str, width: float) -> Table:
        ticks = WeekTicks()
        table = Table(
            [[self._text(title, "title"), ticks]],
            colWidths=[width - ticks.full_width(), ticks.full_width()],
            hAlign="LEFT",
        )
        table.setStyle(TableStyle([*TABLE_BASE_STYLE, ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        return table

    def _signatures(self) -> Flowable:
        width = (self.page_size[0] - 2 * MARGIN_X - 10 * mm) / 2
        line = "_" * 34

        def column(label: str, name: str) -> list[Flowable]:
            return [
                Spacer(1, 8 * mm),
                self._text(line),
                self._labelled(label, name),
                self._labelled(_("Date:"), ""),
            ]

        table = Table(
            [
                [
                    column(_("Practitioner:"), self.data.practitioner_name),
                    column(_("Patient:"), self.patient.full_name),
                ]
            ],
            colWidths=[width + 10 * mm, width],
            hAlign="LEFT",
        )
        table.setStyle(TableStyle(list(TABLE_BASE_STYLE)))
        return KeepTogetherBlock([table])
