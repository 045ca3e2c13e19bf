from django import forms
from django.contrib import admin
from django.db import models
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from campaign import services
from campaign.models import (
    Award,
    Book,
    KeyDate,
    OutgoingEmail,
    Person,
    Quotation,
    Source,
    StatusChange,
    TimelineEvent,
)
from campaign.pagecache import RefreshesPages
from campaign.profiles import minsk_today, standing_of


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(admin.ModelAdmin):
    list_display = ["kind", "status", "attempts", "created_at", "sent_at", "last_error"]
    list_filter = ["status", "kind"]
    fields = ["kind", "status", "attempts", "next_attempt_at", "created_at", "sent_at", "last_error"]
    readonly_fields = fields
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


# Translated fields: the plain (not tabbed) translation admin: the tabbed one loads jQuery UI from a CDN, and the admin
# loads nothing from another origin. Each translated field shows as '[en]', '[be]', '[ru]' fields; only
# English is required, an empty Belarusian or Russian one shows English on the site and says so.


class StatusChangeForm(forms.ModelForm):
    """In the admin a status change needs its source: the page shows it beside the status."""

    source = forms.CharField(
        max_length=300, help_text="Where this comes from, e.g. Viasna's database, checked on 1 March 2026."
    )

    class Meta:
        model = StatusChange
        fields = ["person", "status", "date", "date_precision", "note", "source"]


class StatusChangeInline(TranslationTabularInline):
    model = StatusChange
    form = StatusChangeForm
    fields = ["status", "date", "date_precision", "note", "source", "recorded_by", "recorded_at"]
    readonly_fields = ["recorded_by", "recorded_at"]
    extra = 1


class TimelineEventInline(TranslationTabularInline):
    model = TimelineEvent
    fields = ["date", "date_precision", "title", "text", "source"]
    extra = 0


class AwardInline(TranslationTabularInline):
    model = Award
    fields = ["kind", "year", "name", "note", "source"]
    extra = 0


class BookInline(TranslationTabularInline):
    model = Book
    fields = ["title", "year", "note"]
    extra = 0


# A URL typed without a scheme is taken as https (Django 6's default, asked for now).
URL_FIELDS_HTTPS = {models.URLField: {"assume_scheme": "https"}}


class QuotationInline(admin.StackedInline):
    model = Quotation
    formfield_overrides = URL_FIELDS_HTTPS
    fields = ["text", ("language", "speaker", "sort_order"), ("source", "url")]
    extra = 0


class SourceInline(admin.TabularInline):
    model = Source
    formfield_overrides = URL_FIELDS_HTTPS
    fields = ["title", "url", "date"]
    extra = 0


@admin.register(Person)
class PersonAdmin(RefreshesPages, TranslationAdmin):
    list_display = ["name_latin", "current_status", "detention_start", "featured", "sort_order"]
    list_editable = ["featured", "sort_order"]
    search_fields = ["name_latin", "name_be", "name_ru", "slug"]
    prepopulated_fields = {"slug": ["name_latin"]}
    actions = ["feature"]
    fieldsets = [
        (None, {"fields": ["name_latin", "slug", "role", "featured", "sort_order"]}),
        (
            "Names in Cyrillic",
            {"fields": ["name_be", "short_name_be", "name_ru", "short_name_ru"]},
        ),
        ("Dates", {"fields": ["birth_date", "detention_start"]}),
        ("Photo", {"fields": ["photo", "photo_credit"]}),
        ("Text", {"fields": ["summary", "biography"]}),
    ]
    inlines = [StatusChangeInline, TimelineEventInline, AwardInline, BookInline, QuotationInline, SourceInline]

    def get_queryset(self, request):
        return super().get_queryset(request).with_standing()

    @admin.display(description="current status")
    def current_status(self, person):
        current = standing_of(person, minsk_today()).current
        return f"{current.get_status_display()} ({current.date})" if current else "—"

    @admin.action(description="Feature on the home page (only the first selected)")
    def feature(self, request, queryset):
        person = queryset.first()
        services.person_feature(person=person)
        self.message_user(request, f"{person} is now featured on the home page.")

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if "photo" in form.changed_data and obj.photo:
            services.person_photo_resize(person=obj)

    def save_formset(self, request, form, formset, change):
        if formset.model is StatusChange:
            for status_change in formset.save(commit=False):
                if status_change.pk is None:
                    status_change.recorded_by = request.user
                status_change.save()
            for deleted in formset.deleted_objects:
                deleted.delete()
            formset.save_m2m()
        else:
            super().save_formset(request, form, formset, change)


@admin.register(StatusChange)
class StatusChangeAdmin(RefreshesPages, TranslationAdmin):
    form = StatusChangeForm
    list_display = ["person", "status", "date", "source", "recorded_by", "recorded_at"]
    list_filter = ["status", "person"]
    list_select_related = ["person", "recorded_by"]
    fields = ["person", "status", "date", "date_precision", "note", "source", "recorded_by", "recorded_at"]
    readonly_fields = ["recorded_by", "recorded_at"]
    date_hierarchy = "date"

    def save_model(self, request, obj, form, change):
        if obj.pk is None:
            obj.recorded_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(KeyDate)
class KeyDateAdmin(RefreshesPages, TranslationAdmin):
    list_display = ["title", "day", "month"]
    fields = ["day", "month", "title", "text"]
