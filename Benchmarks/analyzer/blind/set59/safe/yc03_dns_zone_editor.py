"""Customer DNS control panel: download and upload raw BIND zone files."""
import logging
import os

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import SuspiciousFileOperation
from django.http import FileResponse, Http404, HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_http_methods

from .models import HostedZone

logger = logging.getLogger(__name__)

ZONE_ROOT = getattr(settings, "DNS_ZONE_ROOT", "/var/named/customer")
MAX_ZONE_BYTES = 512 * 1024


def zone_file_path(account_slug: str, filename: str) -> str:
    base = os.path.realpath(os.path.join(ZONE_ROOT, account_slug))
    candidate = os.path.realpath(os.path.join(base, filename))
    if os.path.commonpath([base, candidate]) != base:
        raise SuspiciousFileOperation("zone path outside account directory")
    return candidate


def _owned_zone(request, zone_name: str) -> HostedZone:
    try:
        return HostedZone.objects.get(name=zone_name, account=request.user.account)
    except HostedZone.DoesNotExist:
        raise Http404("unknown zone")


@login_required
@require_http_methods(["GET"])
def download_zone(request, zone_name):
    zone = _owned_zone(request, zone_name)
    filename = request.GET.get("file") or f"{zone.name}.zone"
    path = zone_file_path(request.user.account.slug, filename)
    if not os.path.isfile(path):
        raise Http404("zone file missing")
    logger.info("zone download %r by user %s", filename, request.user.pk)
    return FileResponse(open(path, "rb"), as_attachment=True,
                        filename=os.path.basename(path))


@login_required
@require_http_methods(["POST"])
def upload_zone(request, zone_name):
    zone = _owned_zone(request, zone_name)
    upload = request.FILES.get("zonefile")
    if upload is None:
        return HttpResponseBadRequest("zonefile missing")
    if upload.size > MAX_ZONE_BYTES:
        return HttpResponseBadRequest("zone file too large")

    # customers may keep several views (internal/external) of one zone
    filename = request.POST.get("filename") or f"{zone.name}.zone"
    target = zone_file_path(request.user.account.slug, filename)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "wb") as fh:
        for chunk in upload.chunks():
            fh.write(chunk)

    zone.serial += 1
    zone.save(update_fields=["serial"])
    logger.info("zone %r uploaded by user %s", zone.name, request.user.pk)
    return JsonResponse({"zone": zone.name, "file": filename, "serial": zone.serial})
