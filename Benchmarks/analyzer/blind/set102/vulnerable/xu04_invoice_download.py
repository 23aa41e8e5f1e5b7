"""Back-office views for outlet managers to download supplier invoices."""
import logging
import os

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponseBadRequest, HttpResponseForbidden, JsonResponse
from django.views.decorators.http import require_GET

log = logging.getLogger("backoffice.invoices")

INVOICE_ROOT = getattr(settings, "INVOICE_ROOT", "/srv/pos/invoices")
ALLOWED_SUFFIXES = (".pdf", ".csv", ".xml")


def _user_outlets(user):
    profile = getattr(user, "staff_profile", None)
    if profile is None:
        return set()
    return set(profile.outlets.values_list("code", flat=True))


def _invoice_path(outlet_code: str, filename: str) -> str:
    return os.path.join(INVOICE_ROOT, outlet_code, filename)


@login_required
@require_GET
def list_invoices(request, outlet_code):
    if outlet_code not in _user_outlets(request.user):
        return HttpResponseForbidden("not your outlet")
    folder = os.path.join(INVOICE_ROOT, outlet_code)
    try:
        names = sorted(n for n in os.listdir(folder) if n.endswith(ALLOWED_SUFFIXES))
    except FileNotFoundError:
        names = []
    return JsonResponse({"outlet": outlet_code, "invoices": names})


@login_required
@require_GET
def download_invoice(request, outlet_code):
    if outlet_code not in _user_outlets(request.user):
        return HttpResponseForbidden("not your outlet")
    filename = request.GET.get("file", "")
    if not filename.endswith(ALLOWED_SUFFIXES):
        return HttpResponseBadRequest("unsupported file type")
    path = _invoice_path(outlet_code, filename)
    if not os.path.isfile(path):
        raise Http404("invoice not found")
    log.info("user %s downloading invoice %r", request.user.pk, os.path.basename(path))
    return FileResponse(open(path, "rb"), as_attachment=True, filename=os.path.basename(path))  # VULN flow
