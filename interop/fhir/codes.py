"""The code systems the export uses, and small builders for codings and references.

Only two LOINC codes are used, each the code the measure is published under (97909-6 for the
Oswestry Disability Index score, 72514-3 for the 0-10 numeric pain score). Everything else the
product records (LEFS, PSFS, the exam's findings, the intake's questions) has no standard code
it could honestly claim: it is coded in a code system of the product's own, with its text, and
never under an invented LOINC or SNOMED code.
"""

from django.conf import settings

LOINC = "http://loinc.org"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
DATA_ABSENT_REASON = "http://terminology.hl7.org/CodeSystem/data-absent-reason"
CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical"
CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status"
CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category"
FLAG_CATEGORY = "http://terminology.hl7.org/CodeSystem/flag-category"
PROVENANCE_PARTICIPANT = "http://terminology.hl7.org/CodeSystem/provenance-participant-type"
SIGNATURE_TYPE = "urn:iso-astm:E1762-95:2013"
LANGUAGE = "urn:ietf:bcp:47"

# Published LOINC codes of the measures that have one (the registry's code -> LOINC).
LOINC_BY_INSTRUMENT = {
    "ODI": ("97909-6", "Oswestry Disability Index score"),
    "NPRS": ("72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported"),
}
# Signature types (ASTM E1762): the signer of a plan is its author; who confirmed an intake
# verified it.
AUTHOR_SIGNATURE = ("1.2.840.10065.1.12.1.1", "Author's Signature")
VERIFICATION_SIGNATURE = ("1.2.840.10065.1.12.1.5", "Verification Signature")


def base_url():
    """Where the product's own code systems and identifiers live (settings.FHIR_BASE_URL)."""
    return settings.FHIR_BASE_URL.rstrip("/")


def product_system(name):
    """A code system of the product's own: outcome-measure, exam-finding, exam-value, ..."""
    return f"{base_url()}/CodeSystem/{name}"


def coding(system, code, display=None):
    result = {"system": system, "code": str(code)}
    if display:
        result["display"] = str(display)
    return result


def concept(system, code, display=None, text=None):
    result = {"coding": [coding(system, code, display)]}
    if text or display:
        result["text"] = str(text or display)
    return result


def ref(resource_type, resource_id, display=None):
    result = {"reference": f"{resource_type}/{resource_id}"}
    if display:
        result["display"] = str(display)
    return result


def fhir_id(*parts):
    """A resource id: letters, digits, '-' and '.' only (FHIR's id type), at most 64."""
    text = "-".join(str(part) for part in parts)
    return "".join(c if c.isalnum() or c in "-." else "-" for c in text)[:64]


def instant(moment):
    """An aware datetime as FHIR's instant/dateTime (seconds, with its offset)."""
    return moment.isoformat(timespec="seconds") if moment else None
