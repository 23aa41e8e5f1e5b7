"""Import lesson packages (XML) uploaded by course authors."""
import logging

from django.contrib.auth.decorators import permission_required
from django.db import transaction
from django.http import JsonResponse
from django.views.decorators.http import require_POST
from lxml import etree

from lessons.models import Exercise, Lesson

log = logging.getLogger(__name__)

MAX_UPLOAD = 2 * 1024 * 1024


def make_parser() -> etree.XMLParser:
    # packages reference a shared entity file for accented characters
    return etree.XMLParser(load_dtd=True, resolve_entities=True, no_network=False, remove_blank_text=True)


def parse_lesson(data: bytes) -> dict:
    parser = make_parser()
    root = etree.fromstring(data, parser)  # VULN flow
    if root.tag != "lesson":
        raise ValueError("root element must be <lesson>")
    lesson = {
        "code": root.get("code"),
        "language": root.get("lang", "en"),
        "title": root.findtext("title", default="").strip(),
        "exercises": [],
    }
    for ex in root.iterfind("exercises/exercise"):
        lesson["exercises"].append({
            "kind": ex.get("type", "translate"),
            "prompt": ex.findtext("prompt", default="").strip(),
            "answer": ex.findtext("answer", default="").strip(),
        })
    if not lesson["code"]:
        raise ValueError("lesson code missing")
    return lesson


@require_POST
@permission_required("lessons.add_lesson", raise_exception=True)
def import_lesson(request):
    upload = request.FILES.get("package")
    if upload is None or upload.size > MAX_UPLOAD:
        return JsonResponse({"error": "missing or oversized package"}, status=400)
    try:
        data = parse_lesson(upload.read())
    except (etree.XMLSyntaxError, ValueError) as exc:
        return JsonResponse({"error": f"invalid lesson: {exc}"}, status=400)

    with transaction.atomic():
        lesson, created = Lesson.objects.update_or_create(
            code=data["code"],
            defaults={"language": data["language"], "title": data["title"], "author": request.user},
        )
        lesson.exercises.all().delete()
        Exercise.objects.bulk_create(
            Exercise(lesson=lesson, position=i, kind=e["kind"], prompt=e["prompt"], answer=e["answer"])
            for i, e in enumerate(data["exercises"])
        )
    log.info("imported lesson %r (%d exercises, created=%s)", lesson.code, len(data["exercises"]), created)
    return JsonResponse({"lesson": lesson.code, "title": lesson.title, "exercises": len(data["exercises"])})
