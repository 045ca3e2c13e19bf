from django.contrib import admin
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from modeltranslation.admin import TranslationAdmin

from campaign.pagecache import RefreshesPages
from petitions import admin_views
from petitions.admin_views import EXPORT_PERMISSION
from petitions.models import ExportJob, ExportRecord, Petition, PetitionMilestone, Signature


class MilestoneInline(admin.TabularInline):
    model = PetitionMilestone
    fields = ["percent", "count", "reached_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Petition)
class PetitionAdmin(RefreshesPages, TranslationAdmin):  # not tabbed: see campaign/admin.py
    list_display = ["title", "slug", "confirmed_count", "goal", "is_open", "created_at", "organiser_links"]
    list_filter = ["is_open"]
    search_fields = ["title", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["confirmed_count"]
    inlines = [MilestoneInline]
    change_list_template = "admin/petitions/petition/change_list.html"

    def get_urls(self):
        return [
            path("dashboard/", admin_views.dashboard, name="petitions_dashboard"),
            path("<int:petition_id>/export/", admin_views.petition_export, name="petitions_petition_export"),
            path("<int:petition_id>/handover/", admin_views.petition_handover, name="petitions_petition_handover"),
        ] + super().get_urls()

    @admin.display(description="Organisers")
    def organiser_links(self, petition):
        return format_html(
            '<a href="{}">Export and handover</a>', reverse("admin:petitions_petition_export", args=[petition.pk])
        )


@admin.register(Signature)
class SignatureAdmin(RefreshesPages, admin.ModelAdmin):
    list_display = ["first_name", "last_name", "petition", "country", "status", "show_publicly", "created_at"]
    list_filter = [
        "status",
        "petition",
        "country",
        "show_publicly",
        "keep_informed",
        ("created_at", admin.DateFieldListFilter),
    ]
    search_fields = ["first_name", "last_name", "email", "city"]
    date_hierarchy = "created_at"
    list_select_related = ["petition"]
    readonly_fields = ["email_key", "status", "confirmed_at", "created_at", "language"]
    show_full_result_count = False  # no COUNT(*) over a million rows on every page

    def has_add_permission(self, request):
        return False  # signatures come from signers, through the confirmation email


class ReadOnlyAdmin(admin.ModelAdmin):
    """Readable by organisers (the export permission), changeable by nobody, superusers included."""

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm(EXPORT_PERMISSION) or super().has_view_permission(request, obj)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ExportRecord)
class ExportRecordAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "actor", "petition", "via", "format", "row_count", "outcome", "reason", "filters"]
    list_filter = ["outcome", "via", "format", "petition"]
    search_fields = ["actor"]
    fields = ["created_at", "actor", "user", "petition", "via", "format", "filters", "row_count", "outcome", "reason"]
    readonly_fields = fields
    date_hierarchy = "created_at"


@admin.register(ExportJob)
class ExportJobAdmin(ReadOnlyAdmin):
    """Each organiser sees only their own background exports, and downloads them from here."""

    list_display = ["created_at", "petition", "format", "status", "progress", "expires_at", "download"]
    fields = ["petition", "format", "filters", "status", "expected_rows", "rows_done", "created_at", "expires_at"]
    readonly_fields = fields
    change_list_template = "admin/petitions/exportjob/change_list.html"

    def get_queryset(self, request):
        return super().get_queryset(request).filter(requested_by=request.user).select_related("petition")

    def get_urls(self):
        return [
            path("<int:job_id>/download/", admin_views.export_job_download, name="petitions_exportjob_download"),
        ] + super().get_urls()

    def changelist_view(self, request, extra_context=None):
        # While a job is working the list refreshes itself, so progress shows without JavaScript.
        working = self.get_queryset(request).filter(status__in=[ExportJob.Status.QUEUED, ExportJob.Status.RUNNING])
        return super().changelist_view(request, {**(extra_context or {}), "refresh": working.exists()})

    @admin.display(description="Progress")
    def progress(self, job):
        return f"{job.progress_percent}% ({job.rows_done:,} of about {job.expected_rows:,})"

    @admin.display(description="File")
    def download(self, job):
        if job.status != ExportJob.Status.DONE or job.expires_at <= timezone.now():
            return "—"
        return format_html('<a href="{}">Download</a>', reverse("admin:petitions_exportjob_download", args=[job.pk]))
