"""The handout's own flowables: an exercise picture (drawing or photo) and a week of tick boxes.

Each picture is drawn inside a PDF form XObject named ``fig<n>_<key>``: the PDF then says, page
by page, which pictures it carries, and a test can count them without guessing at lines.
"""

from __future__ import annotations

import io

from reportlab.graphics import renderPDF
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable

from assessments.documents.base import FONT_REGULAR, MUTED_COLOUR, RULE_COLOUR, TEXT_COLOUR
from assessments.documents.figures.exercises import drawing
from assessments.documents.figures.primitives import HEIGHT, WIDTH

FIGURE_FORM_PREFIX = "fig"


class ExercisePicture(Flowable):
    """The exercise's line drawing, or the practitioner's photo in its place, in a frame."""

    def __init__(
        self, *, number: int, key: str, figure: str | None, photo: bytes | None, width: float
    ):
        super().__init__()
        self.form_name = f"{FIGURE_FORM_PREFIX}{number}_{key}".replace("-", "_")
        self.figure = figure
        self.photo = photo
        self.width = width
        self.height = width * HEIGHT / WIDTH

    def wrap(self, available_width, available_height):
        return self.width, self.height

    def draw(self):
        canvas = self.canv
        canvas.beginForm(self.form_name)
        if self.photo is not None:
            self._draw_photo()
        else:
            scale = self.width / WIDTH
            canvas.saveState()
            canvas.scale(scale, scale)
            renderPDF.draw(drawing(self.figure), canvas, 0, 0)
            canvas.restoreState()
        canvas.saveState()
        canvas.setStrokeColor(RULE_COLOUR)
        canvas.setLineWidth(0.6)
        canvas.roundRect(0, 0, self.width, self.height, 3, stroke=1, fill=0)
        canvas.restoreState()
        canvas.endForm()
        canvas.doForm(self.form_name)

    def _draw_photo(self):
        image = ImageReader(io.BytesIO(self.photo))
        image_width, image_height = image.getSize()
        scale = min(self.width / image_width, self.height / image_height)
        width, height = image_width * scale, image_height * scale
        x, y = (self.width - width) / 2, (self.height - height) / 2
        self.canv.drawImage(image, x, y, width=width, height=height)


class WeekTicks(Flowable):
    """Seven empty boxes, one per day of the first week, numbered above; set beside the
    exercise's title, so the boxes cost no line of their own."""

    BOX = 10
    GAP = 5

    @classmethod
    def full_width(cls) -> float:
        return 7 * (cls.BOX + cls.GAP)

    def wrap(self, available_width, available_height):
        self.width = self.full_width()
        self.height = self.BOX + 8
        return self.width, self.height

    def draw(self):
        canvas = self.canv
        canvas.saveState()
        x = self.GAP
        canvas.setStrokeColor(TEXT_COLOUR)
        canvas.setLineWidth(0.8)
        for day in range(1, 8):
            canvas.rect(x, 0, self.BOX, self.BOX, stroke=1, fill=0)
            canvas.setFillColor(MUTED_COLOUR)
            canvas.setFont(FONT_REGULAR, 6.5)
            canvas.drawCentredString(x + self.BOX / 2, self.BOX + 2, str(day))
            x += self.BOX + self.GAP
        canvas.restoreState()
