"""Mediation mapping editor: preview a CDR field mapping before publishing.

Integration engineers (and partner onboarding staff) edit the per-source
field mapping in the mediation console and hit "preview" to see how ten
sample records would come out.
"""
import json
import logging
from datetime import datetime, timezone

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.views.decorators.http import require_POST

from .models import MappingDraft, SampleRecord

log = logging.getLogger("mediation.mapper")

TRANSFORMS = {
    "copy": lambda rec, field: rec.get(field),
    "int": lambda rec, field: int(rec.get(field) or 0),
    "upper": lambda rec, field: str(rec.get(field, "")).upper(),
    "strip_plus": lambda rec, field: str(rec.get(field, "")).lstrip("+"),
    "epoch_to_iso": lambda rec, field: datetime.fromtimestamp(int(rec[field]), timezone.utc).isoformat(),
}


def compile_mapping(lines):
    """Each mapping line is ``target = <transform>(<source field>)``."""
    steps = []
    for target, transform_name, field in lines:
        if transform_name not in TRANSFORMS:
            raise ValueError(f"unknown transform {transform_name!r}")
        steps.append((target, TRANSFORMS[transform_name], field))

    def transform(rec):
        return {target: fn(rec, field) for target, fn, field in steps}
    return transform


@login_required
@require_POST
def preview_mapping(request, source_id):
    try:
        payload = json.loads(request.body)
        lines = [(m["target"], m["transform"], m["field"]) for m in payload["mappings"]]
    except (ValueError, KeyError, TypeError):
        return JsonResponse({"error": "invalid mapping payload"}, status=400)

    try:
        transform = compile_mapping(lines)
    except ValueError as exc:
        return JsonResponse({"error": str(exc)}, status=422)

    samples = SampleRecord.objects.filter(source_id=source_id).order_by("-captured_at")[:10]
    results = []
    for sample in samples:
        try:
            results.append(transform(sample.as_dict()))
        except Exception as exc:
            results.append({"_error": repr(exc)})
    MappingDraft.objects.update_or_create(
        source_id=source_id, author=request.user, defaults={"mappings": payload["mappings"]}
    )
    log.info("mapping preview for source %s by %s", source_id, request.user.pk)
    return JsonResponse({"preview": results})
