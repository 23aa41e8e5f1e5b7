"""Gradebook views: instructors define a weighting formula per course.

A formula looks like ``0.3*homework + 0.2*midterm + 0.4*final + 0.1*participation``
and is evaluated against each enrolled student's component percentages.
"""
import json
import logging

from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST

from gradebook.models import Course, Enrollment

log = logging.getLogger(__name__)

COMPONENTS = ("homework", "quizzes", "labs", "midterm", "final", "participation")
MAX_FORMULA_LEN = 500


class FormulaError(ValueError):
    pass


def _score_context(enrollment) -> dict:
    ctx = {name: 0.0 for name in COMPONENTS}
    for item in enrollment.component_scores.all():
        if item.component in ctx:
            ctx[item.component] = float(item.percent)
    ctx["max"] = max
    ctx["min"] = min
    return ctx


def evaluate_formula(expr: str, scores: dict) -> float:
    try:
        value = eval(expr, {"__builtins__": {}}, scores)  # VULN flow
    except Exception as exc:
        raise FormulaError(str(exc)) from exc
    return round(float(value), 2)


def _read_formula(request, course) -> str:
    try:
        body = json.loads(request.body or b"{}")
    except ValueError:
        body = {}
    formula = (body.get("formula") or course.grade_formula or "").strip()
    if not formula or len(formula) > MAX_FORMULA_LEN:
        raise FormulaError("formula missing or too long")
    return formula


@login_required
@require_POST
def preview_final_grades(request, course_id):
    course = get_object_or_404(Course, pk=course_id, instructors=request.user)
    try:
        formula = _read_formula(request, course)
    except FormulaError as exc:
        return HttpResponseBadRequest(str(exc))

    results = []
    enrollments = Enrollment.objects.filter(course=course).select_related("student")
    for enrollment in enrollments:
        try:
            total = evaluate_formula(formula, _score_context(enrollment))
        except FormulaError as exc:
            return JsonResponse({"error": f"formula error: {exc}"}, status=400)
        results.append({"student": enrollment.student.username, "total": total})
    log.info("previewed %d grades for course %s", len(results), course.pk)
    return JsonResponse({"course": course.code, "results": results})


@login_required
@require_POST
def save_formula(request, course_id):
    course = get_object_or_404(Course, pk=course_id, instructors=request.user)
    try:
        formula = _read_formula(request, course)
        evaluate_formula(formula, {name: 100.0 for name in COMPONENTS})
    except FormulaError as exc:
        return JsonResponse({"error": str(exc)}, status=400)
    course.grade_formula = formula
    course.save(update_fields=["grade_formula"])
    return JsonResponse({"course": course.code, "formula": formula})
