"""Customer portal: invoice downloads and draft clean-up for account managers."""
import logging
import os

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, JsonResponse
from django.views.decorators.http import require_GET, require_POST

logger = logging.getLogger(__name__)

INVOICE_ROOT = os.path.join(settings.MEDIA_ROOT, "invoices")
DRAFT_ROOT = os.path.join(settings.MEDIA_ROOT, "invoice_drafts")


def _customer_dir(user):
    account = getattr(user, "billing_account", None)
    if account is None:
        raise Http404("no billing account")
    return os.path.join(INVOICE_ROOT, account.code)


def _resolve(base, name):
    # invoices are stored as <year>/<number>.pdf under the customer's folder
    base = os.path.realpath(base)
    candidate = os.path.realpath(os.path.join(base, name))
    if os.path.commonpath([base, candidate]) != base:
        raise Http404("invoice not found")
    return candidate


@login_required
@require_GET
def list_invoices(request):
    base = _customer_dir(request.user)
    items = []
    for year in sorted(os.listdir(base), reverse=True):
        year_dir = os.path.join(base, year)
        for fname in sorted(os.listdir(year_dir)):
            items.append({"year": year, "file": f"{year}/{fname}"})
    return JsonResponse({"invoices": items})


@login_required
@require_GET
def download_invoice(request):
    requested = request.GET.get("file", "")
    path = _resolve(_customer_dir(request.user), requested)
    if not os.path.isfile(path):
        raise Http404("invoice not found")
    logger.info("invoice download user=%s", request.user.pk)
    return FileResponse(open(path, "rb"), as_attachment=True,
                        filename=os.path.basename(path))


@staff_member_required
@require_POST
def discard_draft(request):
    draft_name = request.POST.get("draft", "")
    target = _resolve(DRAFT_ROOT, draft_name)
    if not os.path.exists(target):
        return JsonResponse({"ok": False, "error": "missing"}, status=404)
    os.remove(target)
    logger.info("draft discarded by staff=%s", request.user.pk)
    return JsonResponse({"ok": True})
