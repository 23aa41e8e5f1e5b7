"""Import/export of press calibration profiles between print sites (Django views)."""
import logging
from dataclasses import dataclass, field

import jsonpickle
from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET, require_POST

from .models import PressProfileRecord

log = logging.getLogger(__name__)

MAX_PROFILE_BYTES = 512 * 1024


@dataclass
class PressProfile:
    press_model: str
    paper_stock: str
    screen_ruling_lpi: int = 175
    dot_gain: dict = field(default_factory=dict)
    ink_limits: dict = field(default_factory=dict)
    icc_profile: str = "FOGRA39"


def load_profile(raw: str) -> PressProfile:
    profile = jsonpickle.decode(raw)  # VULN flow
    if not isinstance(profile, PressProfile):
        raise ValueError("not a press profile")
    return profile


def dump_profile(profile: PressProfile) -> str:
    return jsonpickle.encode(profile, indent=2)


@login_required
@permission_required("prepress.change_pressprofilerecord", raise_exception=True)
@require_POST
def import_profile(request):
    upload = request.FILES.get("profile")
    if upload is None or upload.size > MAX_PROFILE_BYTES:
        return HttpResponseBadRequest("profile file missing or too large")
    raw = upload.read().decode("utf-8", errors="replace")
    try:
        profile = load_profile(raw)
    except Exception:
        log.warning("rejected press profile upload by user %s", request.user.pk)
        return HttpResponseBadRequest("could not read profile")
    record, created = PressProfileRecord.objects.update_or_create(
        press_model=profile.press_model,
        paper_stock=profile.paper_stock,
        defaults={"payload": dump_profile(profile), "updated_by": request.user},
    )
    return JsonResponse({"id": record.pk, "created": created})


@login_required
@require_GET
def export_profile(request, pk):
    record = get_object_or_404(PressProfileRecord, pk=pk)
    response = HttpResponse(record.payload, content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="press-profile-{record.pk}.json"'
    return response
