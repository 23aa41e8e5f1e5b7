import csv
import io
import logging

from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import JsonResponse
from django.views.decorators.http import require_POST

from inventory.models import InventoryItem, Supplier

log = logging.getLogger(__name__)
MAX_UPLOAD = 5 * 1024 * 1024
TARGETS = {
    "inventory_item": (InventoryItem, {"sku", "name", "price", "qty", "supplier_code"}),
    "supplier": (Supplier, {"code", "name", "email"}),
}


@login_required
@require_POST
def import_csv(request):
    upload = request.FILES.get("file")
    if upload is None or upload.size > MAX_UPLOAD:
        return JsonResponse({"error": "file missing or too large"}, status=400)
    target = request.POST.get("target", "inventory_item")
    if target not in TARGETS:
        return JsonResponse({"error": "unknown target"}, status=400)
    model, columns = TARGETS[target]
    if not request.user.has_perm(f"{model._meta.app_label}.add_{model._meta.model_name}"):
        return JsonResponse({"error": "forbidden"}, status=403)
    objects = []
    try:
        text = upload.read().decode("utf-8-sig")
        for row in csv.DictReader(io.StringIO(text)):
            objects.append(model(**{k: v for k, v in row.items() if k in columns}))
        with transaction.atomic():
            model.objects.bulk_create(objects)
    except Exception:
        log.exception("CSV import into %s failed", target)
        return JsonResponse({"error": "import failed"}, status=500)
    return JsonResponse({"imported": len(objects), "target": target})
