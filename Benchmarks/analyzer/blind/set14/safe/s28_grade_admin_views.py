"""Registrar views for course rosters and grade overrides."""
import logging

from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.views import View
from django.views.generic import ListView

from grading.models import Enrollment, Grade, GradeChange
from grading.terms import current_term

log = logging.getLogger("grading.admin")

LETTER_GRADES = {"A", "A-", "B+", "B", "B-", "C+", "C", "C-", "D", "F", "P", "NP", "I", "W"}


class CourseRosterView(LoginRequiredMixin, PermissionRequiredMixin, ListView):
    permission_required = "grading.view_enrollment"
    template_name = "grading/roster.html"
    context_object_name = "enrollments"
    paginate_by = 50

    def get_queryset(self):
        term = self.request.GET.get("term") or current_term()
        qs = Enrollment.objects.select_related("student", "section").filter(section__code=self.kwargs["section"])
        return qs.extra(where=["term_code = %s"], params=[term]).order_by("student__last_name")

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["section"] = self.kwargs["section"]
        return ctx


class GradeOverrideView(LoginRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, enrollment_id):
        if not request.user.has_perm("grading.override_grade"):
            raise PermissionDenied("registrar permission required")
        enrollment = get_object_or_404(Enrollment, pk=enrollment_id)
        letter = request.POST.get("grade", "").upper()
        reason = request.POST.get("reason", "").strip()
        if letter not in LETTER_GRADES or not reason:
            return HttpResponseBadRequest("a valid grade and a reason are required")

        with transaction.atomic():
            grade, _ = Grade.objects.select_for_update().get_or_create(enrollment=enrollment)
            GradeChange.objects.create(grade=grade, old=grade.letter, new=letter, changed_by=request.user, reason=reason)
            grade.letter = letter
            grade.save(update_fields=["letter"])
        log.info("grade override on enrollment %s by user %s", enrollment.pk, request.user.pk)
        return JsonResponse({"enrollment": enrollment.pk, "grade": letter})
