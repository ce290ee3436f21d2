from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from clinic.models import AuditEvent, ClinicProfile


@admin.register(ClinicProfile)
class ClinicProfileAdmin(admin.ModelAdmin):
    list_display = ["name", "phone", "email"]

    def has_add_permission(self, request):
        # One clinic, one letterhead.
        return not ClinicProfile.objects.exists() and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """The audit trail, read-only: nobody adds, changes or deletes an event here."""

    list_display = [
        "at",
        "actor",
        "action",
        "patient_record",
        "object_type",
        "object_id",
        "client_address",
        "detail",
    ]
    list_filter = ["action", "at", "user"]
    date_hierarchy = "at"
    search_fields = ["username", "patient__last_name", "patient__first_name"]
    search_help_text = _("A username, a patient's name or their record number (e.g. 000042).")
    list_select_related = ["patient", "user"]
    show_full_result_count = False

    @admin.display(description=_("who"), ordering="username")
    def actor(self, event):
        return event.actor

    def get_search_results(self, request, queryset, search_term):
        """Names as usual; a number alone is also a record number, zero-padded or not."""
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        term = search_term.strip()
        if term.isdigit() and len(term) <= 12:
            results |= queryset.filter(patient_id=int(term))
        return results, may_have_duplicates

    @admin.display(description=_("patient"))
    def patient_record(self, event):
        return f"{event.patient.record_number} {event.patient}" if event.patient else ""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
