"""The one renderer every clinic document is built on (after pretix's invoice renderer).

`BaseDocument` owns everything the documents share: the bundled fonts, one stylesheet, the page
templates (a first page that opens with the letterhead, later pages with a running header), the
draft watermark and a canvas that prints "Page X of Y" and the footer fields. A document subclass
supplies its story, its title and its footer fields, nothing else.
"""

from __future__ import annotations

import functools
import io
import logging
import threading
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    HRFlowable,
    Image,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from assessments.documents.data import Letterhead, PatientBlock, content_fingerprint
from assessments.documents.flowables import KeepTogetherBlock, _font_size_to_fit, _truncate_to_width
from assessments.documents.markup import french_spacing, paragraph_text, single_line

logger = logging.getLogger(__name__)


FONT_DIR = Path(__file__).resolve().parent / "fonts"


FONT_REGULAR = "DejaVuSans"


FONT_BOLD = "DejaVuSans-Bold"


PAGE_SIZE = A4


MARGIN_X = 20 * mm


MARGIN_TOP = 18 * mm


MARGIN_TOP_LATER = 26 * mm  # room for the running header


MARGIN_BOTTOM = 22 * mm  # room for the footer


FOOTER_Y = 12 * mm


LOGO_MAX_WIDTH = 45 * mm


LOGO_MAX_HEIGHT = 22 * mm


TEXT_COLOUR = colors.HexColor("#1f2328")


MUTED_COLOUR = colors.HexColor("#57606a")


RULE_COLOUR = colors.HexColor("#afb8c1")


WATERMARK_COLOUR = colors.HexColor("#dde2e7")


# Cells are Paragraphs with their own font, but a table still selects its cell font (Helvetica
# by default) on the page; naming ours keeps Helvetica out of the PDF altogether.
TABLE_BASE_STYLE = (
    ("FONTNAME", (0, 0), (-1, -1), FONT_REGULAR),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
)


_font_lock = threading.Lock()


_fonts_registered = False


def register_fonts() -> None:
    """Register the bundled DejaVu fonts with reportlab, once per process.

    Parsing a TTF costs tens of milliseconds; doing it per document would double render time.
    Built-in Helvetica is not an option: it silently drops letters such as Ł, ż or ř.
    """
    global _fonts_registered
    if _fonts_registered:
        return
    with _font_lock:
        if _fonts_registered:
            return
        pdfmetrics.registerFont(TTFont(FONT_REGULAR, str(FONT_DIR / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont(FONT_BOLD, str(FONT_DIR / "DejaVuSans-Bold.ttf")))
        # Map <b> (and the italics we never use) onto the bundled faces, so no markup can
        # fall back to a built-in font without those letters.
        pdfmetrics.registerFontFamily(
            FONT_REGULAR,
            normal=FONT_REGULAR,
            bold=FONT_BOLD,
            italic=FONT_REGULAR,
            boldItalic=FONT_BOLD,
        )
        _fonts_registered = True


@functools.cache
def stylesheet() -> StyleSheet1:
    """The one stylesheet, built once: styles are read, never changed, while rendering."""
    register_fonts()
    sheet = StyleSheet1()
    body = ParagraphStyle(
        "body",
        fontName=FONT_REGULAR,
        bulletFontName=FONT_REGULAR,  # reportlab's default bullet font is Helvetica
        fontSize=10,
        leading=14,
        textColor=TEXT_COLOUR,
        spaceAfter=4,
        splitLongWords=1,  # a 5,000-character "word" wraps instead of running off the page
    )
    sheet.add(body)
    sheet.add(ParagraphStyle("small", parent=body, fontSize=8.5, leading=11, spaceAfter=2))
    sheet.add(
        ParagraphStyle("muted", parent=body, fontSize=8.5, leading=11, textColor=MUTED_COLOUR)
    )
    sheet.add(ParagraphStyle("title", parent=body, fontName=FONT_BOLD, fontSize=17, leading=21))
    sheet.add(
        ParagraphStyle(
            "heading",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=12.5,
            leading=16,
            spaceBefore=10,
            keepWithNext=1,  # a heading never ends a page alone
        )
    )
    sheet.add(
        ParagraphStyle(
            "subheading",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=10.5,
            leading=14,
            spaceBefore=6,
            keepWithNext=1,
        )
    )
    sheet.add(ParagraphStyle("label", parent=body, fontName=FONT_BOLD, spaceAfter=0))
    sheet.add(ParagraphStyle("cell", parent=body, spaceAfter=0))
    sheet.add(ParagraphStyle("bullet", parent=body, leftIndent=12, bulletIndent=2, spaceAfter=2))
    sheet.add(ParagraphStyle("right", parent=body, alignment=TA_RIGHT))
    sheet.add(
        ParagraphStyle("letterhead_name", parent=body, fontName=FONT_BOLD, fontSize=14, leading=18)
    )
    sheet.add(
        ParagraphStyle(
            "letterhead_detail", parent=body, fontSize=9, leading=12, textColor=MUTED_COLOUR
        )
    )
    return sheet


def format_date(value: date) -> str:
    """A date nobody can misread, in the active language: "21 November 2026"."""
    return date_format(value, "j F Y")


def format_signed_date(value: datetime) -> str:
    """The calendar day of a signature in the clinic's time zone, not in UTC."""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return format_date(value.date())


@dataclass(frozen=True)
class PageDecoration:
    """What is printed around the story on every page."""

    running_header: str
    footer_fields: tuple[str, ...]
    page_label: str  # a translated "Page %(page)s of %(pages)s"
    watermark: str | None  # "DRAFT" on drafts, None otherwise


class NumberedCanvas(Canvas):
    """A canvas that holds every page back until the end, so each can say "Page X of Y".

    The footer is drawn here rather than in the page template because only at `save()` is the
    page count known.
    """

    def __init__(self, *args, decoration: PageDecoration, **kwargs):
        super().__init__(*args, **kwargs)
        self.decoration = decoration
        self._page_states: list[dict] = []

    def showPage(self):  # noqa: N802 (reportlab's name)
        self._page_states.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        page_count = len(self._page_states)
        for number, state in enumerate(self._page_states, start=1):
            self.__dict__.update(state)
            self._draw_footer(number, page_count)
            super().showPage()
        super().save()

    def _draw_footer(self, number: int, page_count: int) -> None:
        width, _height = self._pagesize
        page_text = self.decoration.page_label % {"page": number, "pages": page_count}
        fields_text = "  ·  ".join(self.decoration.footer_fields)
        self.saveState()
        self.setStrokeColor(RULE_COLOUR)
        self.setLineWidth(0.5)
        self.line(MARGIN_X, FOOTER_Y + 4 * mm, width - MARGIN_X, FOOTER_Y + 4 * mm)
        self.setFillColor(MUTED_COLOUR)
        self.setFont(FONT_REGULAR, 8)
        self.drawRightString(width - MARGIN_X, FOOTER_Y, page_text)
        room = width - 2 * MARGIN_X - self.stringWidth(page_text, FONT_REGULAR, 8) - 6 * mm
        self.setFont(FONT_REGULAR, _font_size_to_fit(fields_text, room, FONT_REGULAR, 8))
        self.drawString(MARGIN_X, FOOTER_Y, fields_text)
        self.restoreState()


class BaseDocument:
    """A clinic document rendered from plain data. Subclasses supply the story.

    Subclasses implement `story()`, `document_title()` and `footer_fields()`, and may override
    `is_draft`. `render()` prints everything in `data.language`.
    """

    def __init__(self, data):
        self.data = data
        self.styles = stylesheet()
        self.fingerprint = content_fingerprint(data)

    # --- what a subclass supplies ------------------------------------------------------------

    def story(self) -> list[Flowable]:
        raise NotImplementedError

    def document_title(self) -> str:
        raise NotImplementedError

    def footer_fields(self) -> tuple[str, ...]:
        raise NotImplementedError

    @property
    def is_draft(self) -> bool:
        return False

    @property
    def page_size(self) -> tuple[float, float]:
        return PAGE_SIZE

    @property
    def letterhead(self) -> Letterhead:
        return self.data.letterhead

    @property
    def patient(self) -> PatientBlock:
        return self.data.patient

    # --- rendering ---------------------------------------------------------------------------

    def render(self) -> bytes:
        """The PDF as bytes; the same data always gives the same bytes (invariant mode)."""
        with translation.override(self.data.language):
            buffer = io.BytesIO()
            template = self._doc_template(buffer)
            decoration = self._decoration()
            story = [*self._letterhead_story(), *self.story()]
            template.build(
                story, canvasmaker=functools.partial(NumberedCanvas, decoration=decoration)
            )
        self.page_count = template.page
        return buffer.getvalue()

    def fingerprint_label(self) -> str:
        return _("Fingerprint %(fingerprint)s") % {"fingerprint": self.fingerprint}

    def _decoration(self) -> PageDecoration:
        header = " — ".join(
            part
            for part in (
                single_line(self.letterhead.name),
                self.document_title(),
                single_line(self.patient.full_name),
                single_line(self.patient.record_number),
            )
            if part
        )
        fields = self.footer_fields()
        watermark = _("DRAFT") if self.is_draft else None
        return PageDecoration(
            running_header=header,
            footer_fields=fields,
            page_label=_("Page %(page)s of %(pages)s"),
            watermark=watermark,
        )

    def _doc_template(self, buffer: io.BytesIO) -> BaseDocTemplate:
        width, height = self.page_size
        frame_width = width - 2 * MARGIN_X
        first_frame = Frame(
            MARGIN_X, MARGIN_BOTTOM, frame_width, height - MARGIN_TOP - MARGIN_BOTTOM, id="first"
        )
        later_frame = Frame(
            MARGIN_X,
            MARGIN_BOTTOM,
            frame_width,
            height - MARGIN_TOP_LATER - MARGIN_BOTTOM,
            id="later",
        )
        return BaseDocTemplate(
            buffer,
            pagesize=self.page_size,
            pageTemplates=[
                PageTemplate(
                    id="first",
                    frames=[first_frame],
                    onPage=self._decorate_first_page,
                    autoNextPageTemplate="later",
                ),
                PageTemplate(id="later", frames=[later_frame], onPage=self._decorate_later_page),
            ],
            title=self.document_title(),
            author=single_line(self.letterhead.name),
            creator="Clinic records",
            producer="Clinic records",
            lang=self.data.language,
            # Otherwise every page declares Helvetica, a font without most accented letters.
            initialFontName=FONT_REGULAR,
            # Headings that keep with the next flowable are grouped by this class too.
            keepTogetherClass=KeepTogetherBlock,
            # Fixed dates and document ID: the same data gives byte-identical PDFs, so an
            # archived plan can be re-rendered and compared.
            invariant=1,
        )

    # Page callbacks run before the page's flowables are drawn, so the watermark sits behind
    # the text and never hides a word of the plan.
    def _decorate_first_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        self._draw_watermark(canvas)

    def _decorate_later_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        self._draw_watermark(canvas)
        self._draw_running_header(canvas)

    def _draw_watermark(self, canvas: Canvas) -> None:
        if not self.is_draft:
            return
        width, height = self.page_size
        canvas.saveState()
        canvas.setFillColor(WATERMARK_COLOUR)
        canvas.setFont(FONT_BOLD, 110)
        canvas.translate(width / 2, height / 2)
        canvas.rotate(50)
        canvas.drawCentredString(0, -40, _("DRAFT"))
        canvas.restoreState()

    def _draw_running_header(self, canvas: Canvas) -> None:
        width, height = self.page_size
        decoration = canvas.decoration  # the NumberedCanvas this document built
        text = _truncate_to_width(decoration.running_header, width - 2 * MARGIN_X, FONT_REGULAR, 8)
        y = height - MARGIN_TOP + 2 * mm
        canvas.saveState()
        canvas.setFillColor(MUTED_COLOUR)
        canvas.setFont(FONT_REGULAR, 8)
        canvas.drawString(MARGIN_X, y, text)
        canvas.setStrokeColor(RULE_COLOUR)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, y - 2 * mm, width - MARGIN_X, y - 2 * mm)
        canvas.restoreState()

    # --- letterhead (first page) -------------------------------------------------------------

    def _letterhead_story(self) -> list[Flowable]:
        text = [
            self.para(self.letterhead.name, "letterhead_name"),
            self.para(self.letterhead.address, "letterhead_detail"),
        ]
        if self.letterhead.phone.strip():
            phone = _("Telephone: %(phone)s") % {"phone": self.letterhead.phone}
            text.append(self.para(phone, "letterhead_detail"))
        logo = self._logo()
        if logo is None:
            block: list[Flowable] = text
        else:
            frame_width = self.page_size[0] - 2 * MARGIN_X
            table = Table(
                [[text, logo]],
                colWidths=[frame_width - LOGO_MAX_WIDTH - 4 * mm, LOGO_MAX_WIDTH + 4 * mm],
                splitInRow=1,
            )
            table.setStyle(
                TableStyle(
                    [
                        *TABLE_BASE_STYLE,
                        ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ]
                )
            )
            block = [table]
        rule = HRFlowable(width="100%", thickness=0.7, color=RULE_COLOUR, spaceBefore=4)
        return [*block, rule, Spacer(1, 6 * mm)]

    def _logo(self) -> Image | None:
        """The clinic's logo scaled into its box, or None when there is none or it is unreadable.

        A missing or broken logo file must not stop a care plan from printing, so it is logged
        and left out rather than raised.
        """
        path = self.letterhead.logo_path
        if not path:
            return None
        try:
            image_width, image_height = ImageReader(path).getSize()
        except Exception:  # reportlab/Pillow raise many kinds for a bad image file
            logger.warning("Letterhead logo %s could not be read; printing without it", path)
            return None
        scale = min(LOGO_MAX_WIDTH / image_width, LOGO_MAX_HEIGHT / image_height)
        return Image(path, width=image_width * scale, height=image_height * scale, hAlign="RIGHT")

    # --- helpers for subclasses --------------------------------------------------------------

    def text(self, value: str) -> str:
        """Text for a Paragraph: French spacing in a French document, then escaped."""
        if self.data.language == "fr":
            value = french_spacing(str(value))
        return paragraph_text(value)

    def para(self, text: str, style: str = "body") -> Paragraph:
        """A paragraph of text printed as typed: every character is escaped first."""
        return Paragraph(self.text(text), self.styles[style])

    def labelled(self, label: str, value: str, style: str = "body") -> Paragraph:
        """A "Label: value" line with the label in bold; both are escaped."""
        markup = f"<b>{self.text(label)}</b> {self.text(value)}"
        return Paragraph(markup, self.styles[style])

    def bullets(self, texts: tuple[str, ...], style: str = "bullet") -> list[Paragraph]:
        return [Paragraph(self.text(t), self.styles[style], bulletText="•") for t in texts]

    def details_table(self, rows: list[tuple[str, str]]) -> Table:
        """Two columns of label and value (patient details); rows may split across pages."""
        frame_width = self.page_size[0] - 2 * MARGIN_X
        data = [[self.para(label, "label"), self.para(value, "cell")] for label, value in rows]
        table = Table(data, colWidths=[45 * mm, frame_width - 45 * mm], splitInRow=1, hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    *TABLE_BASE_STYLE,
                    ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ]
            )
        )
        return table

    def patient_rows(self) -> list[tuple[str, str]]:
        return [
            (_("Patient"), self.patient.full_name),
            (_("Date of birth"), format_date(self.patient.date_of_birth)),
            (_("Record number"), self.patient.record_number),
        ]
