"""Views for permit-to-work attachments (isolation certificates, gas test sheets)."""
import logging
import os

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, JsonResponse
from django.views.decorators.http import require_GET, require_POST

from .models import Permit

log = logging.getLogger(__name__)

ATTACHMENT_ROOT = os.path.join(settings.MEDIA_ROOT, "permit_attachments")


def permit_dir(permit: Permit) -> str:
    return os.path.join(ATTACHMENT_ROOT, permit.site_code, permit.number)


def resolve_attachment(permit: Permit, filename: str) -> str:
    return os.path.join(permit_dir(permit), filename)


def _get_permit(request, number):
    try:
        permit = Permit.objects.select_related("site").get(number=number)
    except Permit.DoesNotExist:
        raise Http404("unknown permit")
    if not permit.visible_to(request.user):
        raise Http404("unknown permit")
    return permit


@login_required
@require_GET
def list_attachments(request, number):
    permit = _get_permit(request, number)
    folder = permit_dir(permit)
    names = sorted(os.listdir(folder)) if os.path.isdir(folder) else []
    return JsonResponse({"permit": permit.number, "attachments": names})


@login_required
@require_GET
def download_attachment(request, number):
    permit = _get_permit(request, number)
    path = resolve_attachment(permit, request.GET.get("name", ""))
    if not os.path.isfile(path):
        raise Http404("no such attachment")
    return FileResponse(open(path, "rb"), as_attachment=True, filename=os.path.basename(path))  # VULN flow


@login_required
@require_POST
def delete_attachment(request, number):
    permit = _get_permit(request, number)
    if permit.status != Permit.DRAFT:
        return JsonResponse({"error": "permit is no longer editable"}, status=409)
    name = request.POST.get("name", "")
    path = resolve_attachment(permit, name)
    try:
        os.remove(path)  # VULN flow
    except FileNotFoundError:
        raise Http404("no such attachment")
    log.info("user %s removed attachment %r from permit %s", request.user.pk, name, permit.number)
    return JsonResponse({"deleted": name})
