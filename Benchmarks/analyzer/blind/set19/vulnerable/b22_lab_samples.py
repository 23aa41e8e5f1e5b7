"""Clinical lab: sample batch import from bench instruments and signed result reports (Django)."""
import hashlib
import json
import logging
import pickle

from django.conf import settings
from django.contrib.auth.decorators import login_required, permission_required
from django.db import transaction
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET, require_POST

from .models import Sample, SampleBatch

log = logging.getLogger("lab.samples")

REPORT_SIGNING_KEY = settings.LAB_REPORT_SIGNING_KEY.encode("utf-8")
MAX_BATCH_BYTES = 5 * 1024 * 1024


@login_required
@permission_required("lab.add_samplebatch", raise_exception=True)
@require_POST
def import_batch(request):
    upload = request.FILES.get("batch")
    if upload is None or upload.size > MAX_BATCH_BYTES:
        return HttpResponseBadRequest("batch file missing or too large")
    batch_data = pickle.load(request.FILES["batch"])  # VULN
    samples = batch_data.get("samples", [])
    with transaction.atomic():
        batch = SampleBatch.objects.create(
            instrument=str(batch_data.get("instrument", "unknown"))[:64],
            uploaded_by=request.user,
        )
        Sample.objects.bulk_create([
            Sample(batch=batch, barcode=str(s["barcode"])[:32], analyte=str(s["analyte"])[:32],
                   value=float(s["value"]), unit=str(s.get("unit", ""))[:16])
            for s in samples
        ])
    log.info("user %s imported batch %s with %d samples", request.user.pk, batch.pk, len(samples))
    return JsonResponse({"batch": batch.pk, "samples": len(samples)}, status=201)


@login_required
@permission_required("lab.view_samplebatch", raise_exception=True)
@require_GET
def batch_report(request, batch_id):
    batch = get_object_or_404(SampleBatch, pk=batch_id)
    body = json.dumps({
        "batch": batch.pk,
        "instrument": batch.instrument,
        "results": [
            {"barcode": s.barcode, "analyte": s.analyte, "value": s.value, "unit": s.unit}
            for s in batch.samples.order_by("barcode")
        ],
    }, sort_keys=True).encode("utf-8")
    signature = hashlib.md5(REPORT_SIGNING_KEY + body).hexdigest()  # VULN
    response = HttpResponse(body, content_type="application/json")
    response["X-Report-Signature"] = signature
    return response
