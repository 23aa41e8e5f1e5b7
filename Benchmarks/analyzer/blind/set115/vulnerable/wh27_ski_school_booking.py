"""Ski school views: lesson availability search and instructor profiles."""
import logging
from datetime import date

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.safestring import mark_safe

from .models import InstructorProfile

log = logging.getLogger("skischool.views")

LEVELS = ("beginner", "intermediate", "advanced", "freeride")


def _availability_sql(discipline: str, level: str, day: str) -> str:
    sql = (
        "SELECT l.id, l.starts_at, l.meeting_point, i.display_name, l.spots_left "
        "FROM school_lesson l JOIN school_instructor i ON i.id = l.instructor_id "
        "WHERE l.discipline = '%s' AND l.day = '%s' AND l.spots_left > 0" % (discipline, day)
    )
    if level:
        sql += " AND l.level = '%s'" % level
    return sql + " ORDER BY l.starts_at"


def lesson_availability(request):
    discipline = request.GET.get("discipline", "ski")
    level = request.GET.get("level", "")
    day = request.GET.get("day") or date.today().isoformat()
    query = _availability_sql(discipline, level, day)
    with connection.cursor() as cursor:
        cursor.execute(query)  # VULN flow
        cols = [c[0] for c in cursor.description]
        lessons = [dict(zip(cols, row)) for row in cursor.fetchall()]
    return JsonResponse({"day": day, "lessons": lessons}, json_dumps_params={"default": str})


def instructor_profile(request, slug):
    profile = get_object_or_404(InstructorProfile, slug=slug, active=True)
    # instructors write their own bio in the staff portal; keep their line breaks
    bio_html = mark_safe(profile.bio.replace("\n", "<br>"))  # VULN flow
    return render(request, "skischool/instructor.html", {
        "profile": profile,
        "bio_html": bio_html,
        "languages": profile.languages.split(","),
    })


@login_required
def update_bio(request):
    if request.method != "POST":
        raise Http404
    profile = get_object_or_404(InstructorProfile, user=request.user)
    profile.bio = request.POST.get("bio", "")[:4000]
    profile.save(update_fields=["bio"])
    log.info("instructor %s updated bio", profile.pk)
    return JsonResponse({"ok": True})
