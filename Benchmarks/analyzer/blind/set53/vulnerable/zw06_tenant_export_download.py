"""Tenant data export downloads for the admin console."""
import logging
import os

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponseForbidden, JsonResponse
from django.views.decorators.http import require_GET

from tenants.models import ExportJob
from tenants.permissions import has_tenant_role

log = logging.getLogger(__name__)

EXPORT_ROOT = getattr(settings, "TENANT_EXPORT_ROOT", "/srv/exports")


def tenant_export_dir(tenant):
    return os.path.join(EXPORT_ROOT, tenant.slug)


def resolve_export(tenant, filename):
    """Map a file name from the export list back to its location on disk."""
    return os.path.join(tenant_export_dir(tenant), filename)


def _current_tenant(request):
    membership = getattr(request.user, "membership", None)
    if membership is None:
        raise Http404("no tenant")
    return membership.tenant


@login_required
@require_GET
def list_exports(request):
    tenant = _current_tenant(request)
    jobs = ExportJob.objects.filter(tenant=tenant).order_by("-created_at")[:50]
    return JsonResponse(
        {
            "exports": [
                {"id": j.pk, "file": j.filename, "status": j.status, "created": j.created_at.isoformat()}
                for j in jobs
            ]
        }
    )


@login_required
@require_GET
def download_export(request):
    tenant = _current_tenant(request)
    if not has_tenant_role(request.user, tenant, "admin"):
        return HttpResponseForbidden()

    filename = request.GET.get("file", "")
    path = resolve_export(tenant, filename)
    if not os.path.isfile(path):
        raise Http404("export not found")

    log.info("export download tenant=%s file=%r", tenant.slug, filename)
    return FileResponse(open(path, "rb"), as_attachment=True, filename=os.path.basename(path))  # VULN flow
