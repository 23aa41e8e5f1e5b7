"""Mediation mapping editor: preview a CDR field mapping before publishing.

Integration engineers (and partner onboarding staff) edit the per-source
field mapping in the mediation console and hit "preview" to see how ten
sample records would come out.
"""
import json
import logging

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.views.decorators.http import require_POST

from .models import MappingDraft, SampleRecord

log = logging.getLogger("mediation.mapper")

HEADER = "def transform(rec):\n    out = {}\n"
FOOTER = "    return out\n"


def compile_mapping(lines):
    """Each mapping line is ``target = <python expression over rec>``."""
    body = []
    for target, expression in lines:
        body.append(f"    out[{target!r}] = {expression}\n")
    source = HEADER + "".join(body) + FOOTER
    namespace = {"json": json}
    exec(compile(source, "<mapping>", "exec"), namespace)  # VULN flow
    return namespace["transform"]


@login_required
@require_POST
def preview_mapping(request, source_id):
    try:
        payload = json.loads(request.body)
        lines = [(m["target"], m["expr"]) for m in payload["mappings"]]
    except (ValueError, KeyError, TypeError):
        return JsonResponse({"error": "invalid mapping payload"}, status=400)

    try:
        transform = compile_mapping(lines)
    except SyntaxError as exc:
        return JsonResponse({"error": f"syntax error on line {exc.lineno}"}, status=422)

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
