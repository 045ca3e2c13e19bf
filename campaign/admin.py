from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin  # registers the User admin that is replaced below
from django.core.exceptions import PermissionDenied
from django.db import models
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_totp.models import TOTPDevice
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from campaign import second_factor, services
from campaign.admin_site import PersonalDataAdmin
from campaign.models import (
    Award,
    Book,
    KeyDate,
    OutgoingEmail,
    Person,
    Quotation,
    Source,
    StatusChange,
    StatusConfirmation,
    TimelineEvent,
)
from campaign.pagecache import RefreshesPages
from campaign.profiles import minsk_today, standing_of


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(PersonalDataAdmin):
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
    source_url = forms.URLField(max_length=500, required=False, assume_scheme="https")

    class Meta:
        model = StatusChange
        fields = ["person", "status", "date", "date_precision", "note", "source", "source_url"]


class StatusChangeInline(TranslationTabularInline):
    model = StatusChange
    form = StatusChangeForm
    fields = [
        "status",
        "date",
        "date_precision",
        "note",
        "source",
        "source_url",
        "last_confirmed",
        "recorded_by",
        "recorded_at",
    ]
    readonly_fields = ["last_confirmed", "recorded_by", "recorded_at"]
    extra = 1

    @admin.display(description="last confirmed")
    def last_confirmed(self, change):
        if change.pk is None or change.confirmed_on is None:
            return "—"
        return f"{change.confirmed_on:%d %b %Y} ({change.confirmed_source})"


class StatusConfirmForm(forms.Form):
    """What an organiser found: the day a source says the status was still true, and that source."""

    confirmed_on = forms.DateField(
        label="Confirmed as of", help_text="The day the source says this status was still true (YYYY-MM-DD)."
    )
    source = forms.CharField(max_length=300, help_text="e.g. Viasna's database, prisoners.spring96.org")
    source_url = forms.URLField(max_length=500, required=False, assume_scheme="https")

    def clean_confirmed_on(self):
        confirmed_on = self.cleaned_data["confirmed_on"]
        if confirmed_on > timezone.localdate():
            raise forms.ValidationError("A status cannot be confirmed for a day still to come.")
        return confirmed_on


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
    fields = ["title", "title_is_translation", "year", "note"]
    extra = 0


# A URL typed without a scheme is taken as https (Django 6's default, asked for now).
URL_FIELDS_HTTPS = {models.URLField: {"assume_scheme": "https"}}


class QuotationInline(admin.StackedInline):
    model = Quotation
    formfield_overrides = URL_FIELDS_HTTPS
    fields = [
        "text",
        ("language", "speaker", "sort_order"),
        ("translation_en", "translation_be", "translation_ru"),
        ("speaker_be", "speaker_ru"),
        ("source", "url"),
    ]
    extra = 0


class SourceInline(admin.TabularInline):
    model = Source
    formfield_overrides = URL_FIELDS_HTTPS
    fields = ["title", "url", "date"]
    extra = 0


@admin.register(Person)
class PersonAdmin(RefreshesPages, TranslationAdmin):
    list_display = [
        "name_latin",
        "current_status",
        "confirm_link",
        "detention_start",
        "group",
        "featured",
        "sort_order",
    ]
    list_editable = ["featured", "sort_order"]
    search_fields = ["name_latin", "name_be", "name_ru", "slug"]
    prepopulated_fields = {"slug": ["name_latin"]}
    actions = ["feature"]
    fieldsets = [
        (None, {"fields": ["name_latin", "slug", "role", "group", "featured", "sort_order"]}),
        (
            "Names in Cyrillic",
            {"fields": ["name_be", "short_name_be", "name_ru", "short_name_ru"]},
        ),
        (
            "Names for letters",
            {
                "description": "The interface's 'Write to …' needs the dative; the envelope needs the legal name "
                "(surname, legal first name, patronymic) in the dative, as Viasna's database gives it.",
                "fields": [
                    ("name_dative_be", "name_dative_ru"),
                    ("postal_name_be", "postal_name_ru"),
                    "patronymic_source",
                ],
            },
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

    @admin.display(description="last confirmed")
    def confirm_link(self, person):
        history = list(person.status_changes.all())  # prefetched: the newest first
        if not history:
            return "—"
        url = reverse("admin:campaign_person_confirm_status", args=[person.pk])
        return format_html('{} · <a href="{}">confirm</a>', f"{history[0].as_of:%d %b %Y}", url)

    def get_urls(self):
        confirm = self.admin_site.admin_view(self.confirm_status_view)
        return [
            path("<int:pk>/confirm-status/", confirm, name="campaign_person_confirm_status"),
            *super().get_urls(),
        ]

    def confirm_status_view(self, request, pk):
        """One action: a source confirms the current status as of a day. Recorded with who did it, in the
        status history (StatusConfirmation) and the admin log."""
        person = get_object_or_404(Person, pk=pk)
        if not self.has_change_permission(request, person):
            raise PermissionDenied
        current = person.status_changes.first()
        if current is None:
            messages.warning(request, f"{person} has no status yet: add one on their page first.")
            return redirect("admin:campaign_person_change", person.pk)
        form = StatusConfirmForm(request.POST or None, initial={"confirmed_on": timezone.localdate()})
        if request.method == "POST" and form.is_valid():
            confirmation = services.status_confirm(person=person, user=request.user, **form.cleaned_data)
            self.log_change(
                request,
                person,
                f"Confirmed status '{current.get_status_display()}' as of {confirmation.confirmed_on} "
                f"({confirmation.source})",
            )
            messages.success(request, f"{person}: status confirmed as of {confirmation.confirmed_on}.")
            next_url = request.POST.get("next", "")
            if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
                next_url = reverse("admin:campaign_person_changelist")
            return redirect(next_url)
        context = {
            **self.admin_site.each_context(request),
            "title": f"Confirm the status of {person}",
            "person": person,
            "current": current,
            "confirmations": current.confirmations.select_related("recorded_by")[:10],
            "form": form,
            "opts": self.model._meta,
            "next": request.GET.get("next", ""),
        }
        return TemplateResponse(
            request, "admin/campaign/person/confirm_status.html", context, status=400 if form.errors else 200
        )

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


class StatusConfirmationInline(admin.TabularInline):
    """The audit trail of confirmations: written only by the confirm action, never edited."""

    model = StatusConfirmation
    fields = ["confirmed_on", "source", "source_url", "recorded_by", "recorded_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(StatusChange)
class StatusChangeAdmin(RefreshesPages, TranslationAdmin):
    form = StatusChangeForm
    list_display = ["person", "status", "date", "source", "recorded_by", "recorded_at"]
    list_filter = ["status", "person"]
    list_select_related = ["person", "recorded_by"]
    fields = [
        "person",
        "status",
        "date",
        "date_precision",
        "note",
        "source",
        "source_url",
        "recorded_by",
        "recorded_at",
    ]
    readonly_fields = ["recorded_by", "recorded_at"]
    date_hierarchy = "date"
    inlines = [StatusConfirmationInline]

    def get_inlines(self, request, obj):
        return self.inlines if obj is not None else []  # a new status has no confirmations yet

    def save_model(self, request, obj, form, change):
        if obj.pk is None:
            obj.recorded_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(KeyDate)
class KeyDateAdmin(RefreshesPages, TranslationAdmin):
    list_display = ["title", "day", "month"]
    fields = ["day", "month", "title", "text"]


admin.site.unregister(get_user_model())


@admin.register(get_user_model())
class OrganiserAdmin(UserAdmin):
    """Users, with whether each has set up an authenticator, and a reset for a lost one."""

    list_display = [*UserAdmin.list_display, "has_second_factor"]
    actions = ["reset_second_factor"]

    @admin.display(boolean=True, description=_("Authenticator"))
    def has_second_factor(self, user):
        return TOTPDevice.objects.filter(user=user, confirmed=True).exists()

    def has_reset_second_factor_permission(self, request):
        return request.user.has_perm(second_factor.RESET_PERMISSION)

    @admin.action(description=_("Reset the second factor (lost phone)"), permissions=["reset_second_factor"])
    def reset_second_factor(self, request, queryset):
        for user in queryset:
            second_factor.device_reset(actor=request.user, user=user)
        count = len(queryset)
        message = ngettext(
            "Reset for %(count)d organiser: they set up a new authenticator at their next sign-in.",
            "Reset for %(count)d organisers: they set up a new authenticator at their next sign-in.",
            count,
        )
        self.message_user(request, message % {"count": count}, messages.SUCCESS)
