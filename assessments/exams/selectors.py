"""Reads of exams, scoped to the patient."""

from django.http import Http404

from assessments.models import Exam


def get_exam(patient, pk):
    """The exam with this id if it belongs to this patient, else 404 (never someone else's)."""
    try:
        return Exam.objects.select_related("patient", "practitioner", "finished_by").get(
            pk=pk, patient=patient
        )
    except (Exam.DoesNotExist, ValueError, OverflowError):
        raise Http404 from None


def patient_exams(patient):
    """The patient's exams, newest first, every column (the export reads them whole)."""
    return Exam.objects.filter(patient=patient).order_by("-examined_on", "-pk")


def chart_exam_rows(patient):
    """The patient's exams, newest first, with what the chart shows of each (one query)."""
    # Only the columns the chart lists: an exam row has about a hundred, and loading them all
    # for every visit was a good part of the chart's time (issue 15).
    return (
        Exam.objects.filter(patient=patient)
        .select_related("practitioner")
        .only(
            "pk",
            "patient_id",
            "examined_on",
            "status",
            "practitioner__id",
            "practitioner__username",
            "practitioner__first_name",
            "practitioner__last_name",
        )
        .order_by("-examined_on", "-pk")
    )
