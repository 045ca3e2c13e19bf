"""Organisers' pages inside the admin: exports, the handover PDF, downloads and the dashboard.

They answer 403, not a login redirect, to anyone the admin would not let in (staff, and verified by an
authenticator code when they may export) or who lacks the permission.
"""

from django.conf import settings
from django.contrib import admin, messages
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import pluralize
from django.utils import timezone
from django.views.decorators.http import require_POST

from campaign.admin_site import EXPORT_PERMISSION, organiser_required
from petitions import exports
from petitions.exports import ExportForm
from petitions.models import ExportJob, ExportRecord, Petition


def _admin_render(request, template, context):
    return render(request, template, {**admin.site.each_context(request), **context})


@organiser_required(EXPORT_PERMISSION)
def petition_export(request, petition_id):
    petition = get_object_or_404(Petition, pk=petition_id)
    form = ExportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        export = exports.signatures_export(
            petition=petition,
            format=form.cleaned_data["format"],
            filters=form.filters(),
            via=ExportRecord.Via.DOWNLOAD,
            user=request.user,
        )
        if export.job is None:
            return _stream(export)
        messages.success(
            request,
            f"The export of {export.count:,} signature{pluralize(export.count)} runs in the background;"
            " it will appear here.",
        )
        return redirect("admin:petitions_exportjob_changelist")
    context = {
        "title": f"Export signatures: {petition}",
        "petition": petition,
        "form": form,
        "stream_max_rows": settings.EXPORT_STREAM_MAX_ROWS,
    }
    return _admin_render(request, "admin/petitions/export.html", context)


def _stream(export):
    response = StreamingHttpResponse(export.chunks(), content_type=export.file_format.content_type)
    response["Content-Disposition"] = f'attachment; filename="{export.file_name}"'
    return response


@require_POST
@organiser_required(EXPORT_PERMISSION)
def petition_handover(request, petition_id):
    """The PDF is built in the background like a big export: a million names take seconds to lay out."""
    petition = get_object_or_404(Petition, pk=petition_id)
    exports.handover_export(petition=petition, user=request.user)
    messages.success(request, "The handover PDF is being made in the background; it will appear here.")
    return redirect("admin:petitions_exportjob_changelist")


@organiser_required(EXPORT_PERMISSION)
def export_job_download(request, job_id):
    """Only the organiser who asked, only while the file is kept."""
    job = get_object_or_404(
        ExportJob.objects.select_related("petition"),
        pk=job_id,
        requested_by=request.user,
        status=ExportJob.Status.DONE,
        expires_at__gt=timezone.now(),
    )
    path = exports.export_path(job.file_name)
    if not path.exists():
        raise Http404
    file_name, content_type = exports.job_download(job)
    return FileResponse(path.open("rb"), as_attachment=True, filename=file_name, content_type=content_type)
