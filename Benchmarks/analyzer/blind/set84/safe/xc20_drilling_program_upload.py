"""Upload endpoint for drilling programs (casing design, mud schedule) written
by the well engineering team in YAML."""
import logging

import yaml
from django.contrib.auth.decorators import login_required, permission_required
from django.db import transaction
from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST

from .models import CasingString, DrillingProgram, Well

log = logging.getLogger(__name__)

REQUIRED_SECTIONS = ("well", "casing", "mud")
MAX_SIZE = 2 * 1024 * 1024


def load_program(upload) -> dict:
    text = upload.read(MAX_SIZE).decode("utf-8")
    doc = yaml.safe_load(text)
    if not isinstance(doc, dict):
        raise ValueError("program must be a mapping")
    missing = [s for s in REQUIRED_SECTIONS if s not in doc]
    if missing:
        raise ValueError(f"missing sections: {', '.join(missing)}")
    return doc


@login_required
@permission_required("wells.add_drillingprogram", raise_exception=True)
@require_POST
def upload_program(request, well_id):
    well = get_object_or_404(Well, pk=well_id)
    upload = request.FILES.get("program")
    if upload is None:
        return HttpResponseBadRequest("program file missing")
    try:
        doc = load_program(upload)
    except (UnicodeDecodeError, yaml.YAMLError, ValueError) as exc:
        return JsonResponse({"error": f"invalid program: {exc}"}, status=400)

    with transaction.atomic():
        program = DrillingProgram.objects.create(
            well=well,
            revision=doc.get("revision", 1),
            author=request.user,
            mud_schedule=doc["mud"],
        )
        for cs in doc["casing"]:
            CasingString.objects.create(
                program=program,
                name=cs["name"],
                od_in=float(cs["od_in"]),
                shoe_md_m=float(cs["shoe_md_m"]),
                grade=cs.get("grade", ""),
            )
    log.info("program rev %r uploaded for well %s by %s", program.revision, well.pk, request.user.pk)
    return JsonResponse({"program": program.pk, "casing_strings": len(doc["casing"])}, status=201)
