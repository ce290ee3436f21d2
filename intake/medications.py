"""Drugs linked to leg cramps in the clinical sources, as a matching table kept as data.

Seeds: 002 (statins, diuretics, nicotinic acid, raloxifene/Evista, nifedipine/Procardia-Adalat
as medications that can cause leg cramps) and 003 (the same list, linked to night cramps).
Each class lists its generic names, the common brand names and the words patients use.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from clinic.text import fold_for_search


@dataclass(frozen=True)
class CrampLinkedClass:
    code: str
    label: str
    names: tuple[str, ...]
    sources: tuple[str, ...]


def generics_and_brands(*drugs: tuple[str, ...]) -> tuple[str, ...]:
    """One drug a line, its generic name first and then its brands, as one list of names."""
    return tuple(name for drug in drugs for name in drug)


CRAMP_LINKED_CLASSES = (
    CrampLinkedClass(
        code="statin",
        label=_("statin"),
        names=generics_and_brands(
            ("statin",),
            ("atorvastatin", "lipitor"),
            ("simvastatin", "zocor"),
            ("rosuvastatin", "crestor"),
            ("pravastatin", "pravachol"),
            ("lovastatin", "mevacor", "altoprev"),
            ("fluvastatin", "lescol"),
            ("pitavastatin", "livalo"),
        ),
        sources=("002", "003"),
    ),
    CrampLinkedClass(
        code="diuretic",
        label=_("diuretic"),
        names=generics_and_brands(
            ("diuretic", "water pill"),
            ("furosemide", "lasix"),
            ("hydrochlorothiazide", "hctz", "microzide"),
            ("chlorthalidone", "chlortalidone", "hygroton"),
            ("bumetanide", "bumex"),
            ("torsemide", "demadex"),
            ("indapamide", "lozide"),
            ("spironolactone", "aldactone"),
            ("metolazone",),
            ("amiloride",),
            ("triamterene",),
            ("eplerenone",),
            ("chlorothiazide",),
            ("bendroflumethiazide", "bendrofluazide"),
        ),
        sources=("002", "003"),
    ),
    CrampLinkedClass(
        code="nicotinic_acid",
        label=_("nicotinic acid (niacin)"),
        names=("nicotinic acid", "niacin", "niaspan", "niacor", "acide nicotinique"),
        sources=("002", "003"),
    ),
    CrampLinkedClass(
        code="raloxifene",
        label=_("raloxifene"),
        names=("raloxifene", "evista"),
        sources=("002", "003"),
    ),
    CrampLinkedClass(
        code="nifedipine",
        label=_("nifedipine"),
        names=("nifedipine", "adalat", "procardia"),
        sources=("002", "003"),
    ),
)
CLASSES_BY_CODE = {drug_class.code: drug_class for drug_class in CRAMP_LINKED_CLASSES}


def _words(text):
    """Folded words of a medication line: 'Atorvastatin 20mg/HCTZ' -> ['atorvastatin', ...]."""
    folded = fold_for_search(text)
    return "".join(ch if ch.isalnum() else " " for ch in folded).split()


def cramp_linked_classes(medication_name):
    """The cramp-linked classes a medication name belongs to, in table order.

    Whole words only, so 'Niacinamide' is not taken for niacin; any letter case, accents and
    extra spaces are ignored; a combination product ('Lisinopril/HCTZ') matches each part.
    """
    words = _words(medication_name)
    padded = f" {' '.join(words)} "
    found = []
    for drug_class in CRAMP_LINKED_CLASSES:
        if any(f" {name} " in padded for name in drug_class.names):
            found.append(drug_class.code)
    return found
