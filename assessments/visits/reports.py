"""From an episode to its documents: the progress report, the discharge summary and the letter
to the doctor, in the patient's language, stored once with their SHA-256 (as a signed care plan
is) and returned byte for byte after."""

import hashlib
from collections import Counter

from django.utils import timezone, translation
from django.utils.translation import gettext

from assessments.documents.episode import EpisodeReportData, EpisodeReportDocument, OutcomeRow
from assessments.documents.plans import _letterhead, _patient_block
from assessments.models import EpisodeDocument, Visit, VisitStatus
from clinic.models import signer_line


def _language(patient):
    return patient.preferred_language if patient.preferred_language in {"en", "fr"} else "en"


def _treatment_done(episode):
    counts = Counter()
    for treatment in Visit.objects.filter(episode=episode, status=VisitStatus.SIGNED).values_list(
        "treatment", flat=True
    ):
        for row in treatment:
            if row.get("done"):
                counts[row["title"]] += 1
    return tuple(
        gettext("%(item)s: %(count)s visits") % {"item": title, "count": count}
        for title, count in counts.most_common()
    )


def _outcomes(rows):
    return tuple(
        OutcomeRow(
            name=row["name"],
            baseline=row["baseline"],
            now=row["now"],
            score_max=row["score_max"],
            baseline_text=row["baseline_text"],
            now_text=row["now_text"],
            change_text=gettext("%(change)s (change %(delta)s; MCID %(mcid)s)")
            % {
                "change": row["change_text"],
                "delta": f"{row['delta']:+g}",
                "mcid": f"{row['mcid']:g}",
            },
        )
        for row in rows
    )


def _count(value):
    return gettext("not recorded") if value is None else str(value)


def _store(episode, kind, data, reassessment=None):
    pdf = EpisodeReportDocument(data).render()
    document = EpisodeDocument(
        episode=episode,
        reassessment=reassessment,
        kind=kind,
        pdf=pdf,
        sha256=hashlib.sha256(pdf).hexdigest(),
    )
    document.full_clean()
    document.save()
    return document


def store_progress_report(*, reassessment, by):
    episode = reassessment.episode
    with translation.override(_language(episode.patient)):
        goals = tuple(
            (row["text"], gettext("met") if row["met"] else gettext("not met"))
            for row in reassessment.goals
        )
        data = EpisodeReportData(
            kind="progress_report",
            letterhead=_letterhead(),
            patient=_patient_block(episode.patient),
            practitioner_name=signer_line(by),
            report_date=reassessment.assessed_on,
            opened_on=episode.opened_on,
            visits_done=reassessment.visits_done,
            goals=goals,
            outcomes=_outcomes(reassessment.outcomes),
            cramps_then=_count(reassessment.cramps_then),
            cramps_now=_count(reassessment.cramps_now),
            treatment_done=_treatment_done(episode),
            next_step=reassessment.get_decision_display(),
            notes=reassessment.notes,
            language=_language(episode.patient),
        )
    return _store(episode, "progress_report", data, reassessment)


def store_discharge_documents(*, episode, outcome_rows, cramps_now, visits_done, by):
    """The discharge summary, and the doctor's letter when a doctor is named."""
    language = _language(episode.patient)
    with translation.override(language):
        common = {
            "letterhead": _letterhead(),
            "patient": _patient_block(episode.patient),
            "practitioner_name": signer_line(by),
            "report_date": episode.discharged_on,
            "opened_on": episode.opened_on,
            "visits_done": visits_done,
            "goals": (),
            "outcomes": _outcomes(outcome_rows),
            "cramps_then": _count(episode.intake.cramps_per_week),
            "cramps_now": _count(cramps_now),
            "treatment_done": _treatment_done(episode),
            "next_step": "",
            "notes": episode.discharge_notes,
            "reason": episode.get_discharge_reason_display(),
            "home_programme": episode.home_programme,
            "language": language,
        }
        documents = [
            _store(
                episode, "discharge_summary", EpisodeReportData(kind="discharge_summary", **common)
            )
        ]
        if episode.doctor_name.strip():
            letter = EpisodeReportData(
                kind="doctor_letter", recipient=episode.doctor_name, **common
            )
            documents.append(_store(episode, "doctor_letter", letter))
    return documents


def document_filename(document):
    patient = document.episode.patient
    from django.utils.text import slugify

    when = timezone.localdate(document.created_at)
    return (
        f"{slugify(patient.full_name) or 'patient'}-{patient.record_number}-"
        f"{document.kind.replace('_', '-')}-{when:%Y-%m-%d}.pdf"
    )
