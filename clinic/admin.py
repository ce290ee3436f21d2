from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from clinic.audit import record_event
from clinic.models import AuditAction, AuditEvent, ClinicProfile, StaffProfile
from clinic.text import SingleLineTextMixin


class SuperuserOnlyAdmin:
    """Only a superuser (made on the command line) sees or changes this in the Django admin.

    The clinic admin manages people on the staff page, which offers roles and nothing else:
    here they could tick "Superuser status" on their own account, or grant raw permissions or
    groups. Django's per-model permissions (auth.change_user) do not tell those apart, so the
    User and Group admins refuse everyone but superusers outright.
    """

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def has_add_permission(self, request, *args):
        return request.user.is_active and request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser


class StaffProfileInline(admin.StackedInline):
    model = StaffProfile
    can_delete = False


class LockedUserAdmin(SuperuserOnlyAdmin, UserAdmin):
    inlines = [StaffProfileInline]


class LockedGroupAdmin(SuperuserOnlyAdmin, GroupAdmin):
    pass


admin.site.unregister(get_user_model())
admin.site.register(get_user_model(), LockedUserAdmin)
admin.site.unregister(Group)
admin.site.register(Group, LockedGroupAdmin)


class ClinicProfileForm(SingleLineTextMixin, admin.ModelAdmin.form):
    pass


@admin.register(ClinicProfile)
class ClinicProfileAdmin(admin.ModelAdmin):
    list_display = ["name", "phone", "email"]
    form = ClinicProfileForm

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        record_event(
            request=request,
            action=AuditAction.LETTERHEAD_CHANGED,
            obj=obj,
            detail=f"{'changed' if change else 'created'}: {', '.join(form.changed_data)}"[:500],
        )

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
