"""The reportlab flowables the documents share: a block kept on one page, with text fitted to
its width.
"""

from __future__ import annotations

from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import (
    Flowable,
)


def _font_size_to_fit(text: str, width: float, font_name: str, size: float) -> float:
    """Shrink a one-line label (a long translation) until it fits, down to a floor of 5pt."""
    needed = pdfmetrics.stringWidth(text, font_name, size)
    if needed <= width or needed == 0:
        return size
    return max(5.0, size * width / needed)


def _truncate_to_width(text: str, width: float, font_name: str, size: float) -> str:
    if pdfmetrics.stringWidth(text, font_name, size) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", font_name, size) > width:
        text = text[: max(0, min(len(text) - 1, int(len(text) * 0.9)))]
    return text + "…"


class KeepTogetherBlock(Flowable):
    """Flowables kept on one page when they fit on a page, split when they are taller.

    It behaves like reportlab's KeepTogether, which measures its content, then hands every
    piece back to the frame to be measured again (copying the frame each time): a care plan
    is mostly such blocks, so measuring once and drawing the block whole halves that work.
    """

    def __init__(self, flowables: list[Flowable]):
        super().__init__()
        self._content = flowables
        self._sizes: list[tuple[float, float]] = []

    def wrap(self, available_width, available_height):
        # Height is not a limit here: the frame compares the total with the room it has.
        self._sizes = [f.wrapOn(self.canv, available_width, 0xFFFFFF) for f in self._content]
        self.width = available_width
        self.height = sum(h for _w, h in self._sizes) + sum(self._gaps())
        return self.width, self.height

    def _gaps(self) -> list[float]:
        """The space between neighbours, merged the way a frame merges it (the larger wins)."""
        return [
            max(above.getSpaceAfter(), below.getSpaceBefore())
            for above, below in zip(self._content, self._content[1:], strict=False)
        ]

    def getSpaceBefore(self):  # noqa: N802 (reportlab's name)
        return self._content[0].getSpaceBefore() if self._content else 0

    def getSpaceAfter(self):  # noqa: N802
        return self._content[-1].getSpaceAfter() if self._content else 0

    def draw(self):
        top = self.height
        gaps = [0.0, *self._gaps()]
        for flowable, (_w, height), gap in zip(self._content, self._sizes, gaps, strict=True):
            top -= gap + height
            flowable.drawOn(self.canv, 0, top)

    def split(self, available_width, available_height):
        frame = getattr(self, "_frame", None)
        if frame is not None and not frame._atTop:
            full_height = frame._height - frame._topPadding - frame._bottomPadding
            if self.height <= full_height:
                return []  # nothing split: the frame moves the whole block to the next page
        # Taller than a whole page: let its pieces flow (paragraphs split where they must).
        return list(self._content)
