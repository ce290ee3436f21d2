"""Turning user text into something reportlab prints exactly as it was typed.

reportlab's Paragraph reads its text as markup: a raw `<b>` raises, `&` prints wrong,
`<img src=...>` embeds a file from the server's disk and `<a href=...>` adds a link. Every
piece of user text goes through `paragraph_text()` before it reaches a Paragraph, and through
`plain_text()` before it is drawn straight onto the canvas.
"""

import re
from xml.sax.saxutils import escape

# C0 and C1 control characters (newline and tab are kept) and lone surrogates, which a
# browser can submit but which cannot be encoded into the PDF.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_LINE_BREAKS = re.compile("\r\n|\r|\u2028|\u2029")
_QUOTES = {'"': "&quot;", "'": "&#39;"}


def plain_text(value: str) -> str:
    """User text with line endings made uniform and unprintable characters dropped."""
    return _UNPRINTABLE.sub("", _LINE_BREAKS.sub("\n", value))


def paragraph_text(value: str) -> str:
    """User text escaped for a reportlab Paragraph; its newlines become line breaks.

    Very long words need nothing here: the stylesheet keeps reportlab's `splitLongWords` on,
    so a 5,000-character word wraps at the frame's edge instead of overflowing it.
    """
    escaped = escape(plain_text(value).strip(), _QUOTES)
    return escaped.replace("\n", "<br/>")


# French typography: a non-breaking space before : ; ! ? and », after «, so "Patient :" never
# leaves its colon alone at the start of the next line. A colon inside a word or a number
# (10:30, https:) is left alone: only one followed by a space or the end of the text counts.
_FRENCH_BEFORE = re.compile(r"[ \u00a0\u202f]*([:;!?»])(?=\s|$)")
_FRENCH_AFTER = re.compile(r"(«)[ \u00a0\u202f]*")


def french_spacing(text: str) -> str:
    text = _FRENCH_BEFORE.sub("\u00a0\\1", text)
    return _FRENCH_AFTER.sub("\\1\u00a0", text)


def single_line(value: str) -> str:
    """User text for one line drawn on the canvas (running header): newlines become spaces."""
    return " ".join(plain_text(value).split())
