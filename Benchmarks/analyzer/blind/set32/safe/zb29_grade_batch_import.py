"""Import grade batches exported from the offline marking desktop app."""
import json
import logging
from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponseForbidden, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST

from .models import Assessment, Grade, StudentEnrollment

logger = logging.getLogger(__name__)

MAX_BATCH_BYTES = 1024 * 1024


@dataclass
class GradeRow:
    student_number: str
    points: float
    comment: str = ""


@dataclass
class GradeBatch:
    assessment_code: str
    rows: list


def decode_batch(raw_bytes):
    text = raw_bytes.decode("utf-8")
    data = json.loads(text)
    if not isinstance(data, dict) or not isinstance(data.get("rows"), list):
        raise ValueError("unexpected batch shape")
    rows = [
        GradeRow(str(r["student_number"]), float(r["points"]), str(r.get("comment", "")))
        for r in data["rows"]
    ]
    return GradeBatch(assessment_code=str(data["assessment_code"]), rows=rows)


@login_required
@require_POST
def import_grades(request, course_id):
    if not request.user.has_perm("grading.change_grade"):
        return HttpResponseForbidden()
    if len(request.body) > MAX_BATCH_BYTES:
        return JsonResponse({"error": "batch too large"}, status=413)
    try:
        batch = decode_batch(request.body)
    except (UnicodeDecodeError, ValueError, KeyError, TypeError):
        return JsonResponse({"error": "batch could not be read"}, status=400)

    assessment = get_object_or_404(Assessment, course_id=course_id, code=batch.assessment_code,
                                   course__instructors=request.user)
    saved, skipped = 0, 0
    with transaction.atomic():
        for row in batch.rows:
            enrollment = StudentEnrollment.objects.filter(
                course_id=course_id, student__number=row.student_number
            ).first()
            if enrollment is None or not 0 <= row.points <= assessment.max_points:
                skipped += 1
                continue
            Grade.objects.update_or_create(
                assessment=assessment,
                enrollment=enrollment,
                defaults={"points": row.points, "comment": row.comment[:1000], "entered_by": request.user},
            )
            saved += 1
    logger.info("grade batch course=%s assessment=%s saved=%d skipped=%d", course_id, assessment.pk, saved, skipped)
    return JsonResponse({"saved": saved, "skipped": skipped})
