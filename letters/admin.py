from django.contrib import admin
from django.db import models

from campaign.admin_site import PersonalDataAdmin
from campaign.pagecache import RefreshesPages
from letters.models import Facility, FacilityAssignment, LetterReport, LetterTemplate, Phrase


class FacilityAssignmentInline(admin.TabularInline):
    model = FacilityAssignment
    extra = 0
    fields = ["person", "since", "source", "recorded_at"]
    readonly_fields = ["recorded_at"]
    ordering = ["-since", "-recorded_at"]


@admin.register(Facility)
class FacilityAdmin(RefreshesPages, admin.ModelAdmin):
    list_display = ["name", "institution", "town", "last_checked", "check_overdue_display", "source"]
    search_fields = ["name", "institution", "town"]
    fieldsets = [
        (None, {"fields": ["name"]}),
        (
            "Address in Russian, exactly as the post needs it (the country line is added)",
            {
                "description": "In the Belarusian post's order: institution, street or settlement, district and "
                "region (villages), postcode and town. An envelope is printed in one language: a Belarusian "
                "letter gets a Belarusian envelope when the address below is filled in too.",
                "fields": ["institution", "street", "district", "postcode", "town"],
            },
        ),
        ("Address in Belarusian", {"fields": ["institution_be", "street_be", "district_be", "town_be"]}),
        ("Where it comes from", {"fields": ["source", "source_url", "last_checked"]}),
    ]
    inlines = [FacilityAssignmentInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    @admin.display(boolean=True, description="not checked for 90 days")
    def check_overdue_display(self, facility):
        return facility.check_overdue()


@admin.register(FacilityAssignment)
class FacilityAssignmentAdmin(RefreshesPages, admin.ModelAdmin):
    """Moving a person: add a row with the new facility and date; the old rows are the history."""

    list_display = ["person", "facility", "since", "source", "recorded_at"]
    list_filter = ["facility"]
    list_select_related = ["person", "facility"]
    readonly_fields = ["recorded_at"]


@admin.register(LetterTemplate)
class LetterTemplateAdmin(RefreshesPages, admin.ModelAdmin):
    list_display = ["title", "kind", "language", "is_active"]
    list_filter = ["kind", "language", "is_active"]
    list_editable = ["is_active"]


@admin.register(Phrase)
class PhraseAdmin(RefreshesPages, admin.ModelAdmin):
    list_display = ["text_en", "text_be", "text_ru", "category", "sort_order", "is_active"]
    list_filter = ["category", "is_active"]
    list_editable = ["sort_order", "is_active"]
    search_fields = ["text_en", "text_be", "text_ru"]


@admin.register(LetterReport)
class LetterReportAdmin(RefreshesPages, PersonalDataAdmin):
    """Read-only: the reports behind the public counters, to spot abuse."""

    list_display = ["person", "reported_at"]
    list_filter = ["person"]
    date_hierarchy = "reported_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person")
