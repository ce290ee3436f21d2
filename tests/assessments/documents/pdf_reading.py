"""Reading a rendered PDF back the way a reader (or a PDF checker) would see it."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess

import pypdf
import pytest


def reader(pdf: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(pdf))


def pages_text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in reader(pdf).pages]


def full_text(pdf: bytes) -> str:
    return "\n".join(pages_text(pdf))


def flat(text: str) -> str:
    """Text with line wrapping undone, for finding a sentence that wrapped over lines."""
    return " ".join(text.split())


def rotated_strings(page: pypdf.PageObject) -> list[str]:
    """Text drawn at an angle on a page (the diagonal watermark), not the upright text."""
    found: list[str] = []

    def visit(text, cm, tm, font_dict, font_size):
        # cm is the current transformation matrix [a b c d e f]; b != 0 means rotated.
        if text.strip() and abs(cm[1]) > 0.1:
            found.append(text.strip())

    page.extract_text(visitor_text=visit)
    return found


def page_fonts(page: pypdf.PageObject) -> list[pypdf.generic.DictionaryObject]:
    fonts = page["/Resources"].get("/Font", {})
    return [font.get_object() for font in fonts.values()]


def link_annotations(pdf: bytes) -> list[object]:
    links = []
    for page in reader(pdf).pages:
        for annotation in page.get("/Annots") or []:
            if annotation.get_object().get("/Subtype") == "/Link":
                links.append(annotation.get_object())
    return links


def image_count(pdf: bytes) -> int:
    return sum(len(page.images) for page in reader(pdf).pages)


def assert_qpdf_accepts(pdf: bytes, tmp_path) -> None:
    """`qpdf --check` passes; skipped (with the reason) only on a dev machine without qpdf."""
    qpdf = shutil.which("qpdf")
    if qpdf is None:
        if os.environ.get("CI"):
            pytest.fail("qpdf is required in CI (apt-get install qpdf)")
        pytest.skip("qpdf is not installed; install it (apt-get install qpdf) to check PDFs")
    path = tmp_path / "document.pdf"
    path.write_bytes(pdf)
    result = subprocess.run([qpdf, "--check", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors found" in result.stdout


_PAGE_NUMBER = re.compile(r"^Page \d+ of \d+$")


def body_text(pdf: bytes) -> str:
    """The story's text across pages, without running headers and footers in between.

    Lets a test follow a paragraph that continues from one page onto the next.
    """
    kept: list[str] = []
    for number, page in enumerate(pages_text(pdf), start=1):
        lines = page.splitlines()
        if number > 1:
            lines = lines[1:]  # the running header
        kept.extend(
            line for line in lines if not _PAGE_NUMBER.match(line) and "Fingerprint " not in line
        )
    return "\n".join(kept)
