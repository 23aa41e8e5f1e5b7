"""Members share printer/slicer profiles as YAML. This view validates an
uploaded profile and adds it to the shared library on the farm PCs."""
import logging

import yaml
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.views.decorators.http import require_POST

from printing.models import PrinterProfile

log = logging.getLogger(__name__)

MAX_BYTES = 64 * 1024
PRINTERS = {"mk4", "xl", "mini", "x1c"}
REQUIRED = {"name", "printer", "nozzle_temp", "bed_temp", "layer_height"}
LIMITS = {
    "nozzle_temp": (170, 300),
    "bed_temp": (0, 120),
    "layer_height": (0.05, 0.6),
    "print_speed": (10, 500),
}


def validate_profile(data) -> list:
    if not isinstance(data, dict):
        return ["profile must be a mapping"]
    errors = [f"missing field: {f}" for f in sorted(REQUIRED - data.keys())]
    if data.get("printer") not in PRINTERS:
        errors.append("unknown printer model")
    for key, (lo, hi) in LIMITS.items():
        if key in data:
            try:
                value = float(data[key])
            except (TypeError, ValueError):
                errors.append(f"{key} must be numeric")
                continue
            if not lo <= value <= hi:
                errors.append(f"{key} out of range ({lo}-{hi})")
    return errors


@login_required
@require_POST
def upload_profile(request):
    if "profile" not in request.FILES:
        return JsonResponse({"error": "no file"}, status=400)
    if request.FILES["profile"].size > MAX_BYTES:
        return JsonResponse({"error": "file too large"}, status=413)
    try:
        data = yaml.safe_load(request.FILES["profile"].read())
    except yaml.YAMLError:
        return JsonResponse({"error": "not valid YAML"}, status=400)

    errors = validate_profile(data)
    if errors:
        return JsonResponse({"errors": errors}, status=422)

    profile = PrinterProfile.objects.create(
        owner=request.user,
        name=str(data["name"])[:80],
        printer=data["printer"],
        settings={k: data[k] for k in data if k in LIMITS or k in REQUIRED},
    )
    log.info("member %s shared profile %s", request.user.pk, profile.pk)
    return JsonResponse({"id": profile.pk, "name": profile.name}, status=201)
