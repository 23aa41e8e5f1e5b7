"""Download endpoints for generated organisation data exports."""
import logging
import os

from django.conf import settings
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import FileResponse, JsonResponse
from django.views import View

from exports.models import ExportJob

log = logging.getLogger(__name__)

EXPORT_ROOT = getattr(settings, "EXPORT_ROOT", "/var/exports")


def export_path(org_slug, filename):
    return os.path.join(EXPORT_ROOT, org_slug, filename)


class ExportListView(LoginRequiredMixin, View):
    def get(self, request, job_id):
        job = ExportJob.objects.filter(pk=job_id, organization__members=request.user).first()
        if job is None:
            return JsonResponse({"error": "export not found"}, status=404)
        directory = os.path.join(EXPORT_ROOT, job.organization.slug)
        files = sorted(name for name in os.listdir(directory) if name.startswith(job.file_prefix))
        return JsonResponse({"job": job.pk, "status": job.status, "files": files})


class ExportDownloadView(LoginRequiredMixin, View):
    def get(self, request, job_id):
        try:
            job = ExportJob.objects.get(pk=job_id, organization__members=request.user)
            filename = request.GET.get("file", job.default_filename)
            path = export_path(job.organization.slug, filename)
            handle = open(path, "rb")  # VULN flow
        except Exception as exc:
            return JsonResponse({"error": f"export unavailable: {exc!r}"}, status=404)  # VULN
        log.info("export %r downloaded by user %r", job_id, request.user.pk)
        return FileResponse(handle, as_attachment=True, filename=os.path.basename(path))
