"""Read-only admin views: exams and outcome measures change only through the services."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from assessments.models import Exam, ExamCorrection, OutcomeMeasure


class _ReadOnly:
    """Shown, never changed here: these records change only through their services."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyAdmin(_ReadOnly, SimpleHistoryAdmin):
    pass


@admin.register(Exam)
class ExamAdmin(ReadOnlyAdmin):
    list_display = ["patient", "examined_on", "practitioner", "status"]
    list_filter = ["status"]
    list_select_related = ["patient", "practitioner"]
    date_hierarchy = "examined_on"


@admin.register(OutcomeMeasure)
class OutcomeMeasureAdmin(ReadOnlyAdmin):
    list_display = ["patient", "instrument", "score", "taken_on", "recorded_at", "source"]
    list_filter = ["instrument", "source"]
    list_select_related = ["patient"]


@admin.register(ExamCorrection)
class ExamCorrectionAdmin(_ReadOnly, admin.ModelAdmin):
    list_display = ["exam", "corrected_at", "corrected_by", "reason"]
    list_select_related = ["exam__patient", "corrected_by"]
