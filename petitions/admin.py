from csp.decorators import csp_update
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.html import format_html
from django.views.decorators.http import require_POST
from django_countries.filters import CountryFilter
from modeltranslation.admin import TranslationAdmin

from campaign.admin_site import PersonalDataAdmin
from campaign.pagecache import RefreshesPages
from petitions import admin_views, services, updates
from petitions.admin_views import EXPORT_PERMISSION
from petitions.models import ExportJob, ExportRecord, Petition, PetitionMilestone, PetitionUpdate, Signature

SEND_UPDATE_PERMISSION = "petitions.send_petitionupdate"


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
            path("<int:petition_id>/export/", admin_views.petition_export, name="petitions_petition_export"),
            path("<int:petition_id>/handover/", admin_views.petition_handover, name="petitions_petition_handover"),
        ] + super().get_urls()

    @admin.display(description="Organisers")
    def organiser_links(self, petition):
        return format_html(
            '<a href="{}">Export and handover</a>', reverse("admin:petitions_petition_export", args=[petition.pk])
        )


@admin.register(Signature)
class SignatureAdmin(RefreshesPages, PersonalDataAdmin):
    list_display = ["first_name", "last_name", "petition", "country", "status", "show_publicly", "created_at"]
    list_filter = [
        "status",
        "petition",
        ("country", CountryFilter),  # only the countries that occur, not all 250
        "show_publicly",
        "keep_informed",
        ("created_at", admin.DateFieldListFilter),
    ]
    search_fields = ["first_name", "last_name", "city"]  # not the address: the admin is no address oracle
    date_hierarchy = "created_at"
    list_select_related = ["petition"]
    readonly_fields = ["email_key", "status", "confirmed_at", "created_at", "language"]
    show_full_result_count = False  # no COUNT(*) over a million rows on every page

    def has_add_permission(self, request):
        return False  # signatures come from signers, through the confirmation email

    # Deleting goes through the one erasure service: the emails to the address go too, the count stays true.
    def delete_model(self, request, obj):
        services.signature_withdraw(signature_id=obj.pk)

    def delete_queryset(self, request, queryset):
        for signature_id in queryset.values_list("pk", flat=True):
            services.signature_withdraw(signature_id=signature_id)


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


@admin.register(PetitionUpdate)
class PetitionUpdateAdmin(TranslationAdmin):
    """Write an update per language, preview it as each language's signers get it, send a test to
    yourself, then send it. Once sending has begun the update can no longer be changed."""

    list_display = ["subject", "petition", "status", "recipients", "sent_by", "started_at"]
    list_filter = ["status", "petition"]
    readonly_fields = ["status", "recipients", "sent_by", "started_at", "finished_at"]
    fields = ["petition", "subject", "body", "per_minute", *readonly_fields]
    change_form_template = "admin/petitions/petitionupdate/change_form.html"

    def has_change_permission(self, request, obj=None):
        draft = obj is None or obj.status == PetitionUpdate.Status.DRAFT
        return draft and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        draft = obj is None or obj.status == PetitionUpdate.Status.DRAFT
        return draft and super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<int:update_id>/preview/", view(self.preview_view), name="petitions_petitionupdate_preview"),
            path(
                "<int:update_id>/preview/<str:language>.html",
                view(self.preview_html_view),
                name="petitions_petitionupdate_preview_html",
            ),
            path("<int:update_id>/test/", view(self.test_view), name="petitions_petitionupdate_test"),
            path("<int:update_id>/send/", view(self.send_view), name="petitions_petitionupdate_send"),
        ] + super().get_urls()

    def _update(self, request, update_id, *, permission=None):
        update = get_object_or_404(PetitionUpdate.objects.select_related("petition"), pk=update_id)
        if not self.has_view_or_change_permission(request, update) or (
            permission and not request.user.has_perm(permission)
        ):
            raise PermissionDenied
        return update

    def _render(self, request, template, context):
        context = {**self.admin_site.each_context(request), "opts": self.model._meta, **context}
        return TemplateResponse(request, template, context)

    def preview_view(self, request, update_id):
        update = self._update(request, update_id)
        previews = [
            {"code": code, "name": name, **updates.update_preview(update=update, language=code)}
            for code, name in settings.LANGUAGES
        ]
        context = {"title": f"Preview: {update}", "update": update, "previews": previews}
        context["languages"] = settings.LANGUAGES
        return self._render(request, "admin/petitions/petitionupdate/preview.html", context)

    @method_decorator(csp_update({"style-src": ["'unsafe-inline'"]}))  # an email's HTML styles itself inline
    def preview_html_view(self, request, update_id, language):
        update = self._update(request, update_id)
        if language not in dict(settings.LANGUAGES):
            raise Http404
        return HttpResponse(updates.update_preview(update=update, language=language)["body_html"])

    @method_decorator(require_POST)
    def test_view(self, request, update_id):
        update = self._update(request, update_id)
        language = request.POST.get("language", "")
        if language not in dict(settings.LANGUAGES):
            return HttpResponseBadRequest("Choose one of the site's languages.")
        try:
            updates.update_send_test(update=update, user=request.user, language=language)
        except ValueError as error:
            messages.error(request, str(error))
        else:
            name = dict(settings.LANGUAGES)[language]
            messages.success(request, f"A test in {name} is on its way to {request.user.email}.")
        return redirect("admin:petitions_petitionupdate_preview", update.pk)

    def send_view(self, request, update_id):
        update = self._update(request, update_id, permission=SEND_UPDATE_PERMISSION)
        if update.status != PetitionUpdate.Status.DRAFT:
            messages.info(request, "This update is already being sent; its progress is on the dashboard.")
            return redirect("dashboard")
        if request.method == "POST":
            updates.update_send(update=update, user=request.user)
            messages.success(request, "Sending has begun. The dashboard shows its progress.")
            return redirect("dashboard")
        recipients = updates.update_recipients(update)
        by_language = dict(recipients.values_list("language").annotate(n=Count("pk")).order_by())
        total = sum(by_language.values())
        context = {
            "title": f"Send: {update}",
            "update": update,
            "total": total,
            "by_language": [(name, by_language.get(code, 0)) for code, name in settings.LANGUAGES],
            "minutes": -(-total // update.per_minute),
        }
        return self._render(request, "admin/petitions/petitionupdate/send.html", context)
