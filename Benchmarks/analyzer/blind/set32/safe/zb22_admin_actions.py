"""Instructor-only course administration actions for the learning platform."""
import logging
from dataclasses import dataclass
from datetime import datetime, timezone

from flask import Blueprint, abort, jsonify, request
from flask_login import current_user, login_required

from .db import db
from .models import Course, Enrollment, Submission

logger = logging.getLogger("courses.admin")
bp = Blueprint("course_admin", __name__, url_prefix="/courses/<int:course_id>/admin")


@dataclass
class GradeChange:
    submission_id: int
    score: float
    feedback: str


def load_course(course_id):
    course = db.session.get(Course, course_id)
    if course is None:
        abort(404)
    return course


def ensure_instructor(course, user):
    instructor_ids = {i.id for i in course.instructors}
    if user.id not in instructor_ids:
        abort(403, "only instructors may administer this course")


@bp.post("/grades")
@login_required
def bulk_grade(course_id):
    course = load_course(course_id)
    ensure_instructor(course, current_user)
    changes = [
        GradeChange(int(item["submission_id"]), float(item["score"]), str(item.get("feedback", ""))[:2000])
        for item in request.get_json(force=True).get("grades", [])
    ]
    updated = 0
    for change in changes:
        submission = Submission.query.filter_by(id=change.submission_id, course_id=course.id).first()
        if submission is None or not 0 <= change.score <= course.max_score:
            continue
        submission.score = change.score
        submission.feedback = change.feedback
        submission.graded_at = datetime.now(timezone.utc)
        submission.graded_by_id = current_user.id
        updated += 1
    db.session.commit()
    logger.info("course=%d grades updated=%d by user=%d", course.id, updated, current_user.id)
    return jsonify(updated=updated)


@bp.delete("/enrollments/<int:enrollment_id>")
@login_required
def remove_student(course_id, enrollment_id):
    course = load_course(course_id)
    ensure_instructor(course, current_user)
    enrollment = Enrollment.query.filter_by(id=enrollment_id, course_id=course.id).first_or_404()
    db.session.delete(enrollment)
    db.session.commit()
    logger.info("course=%d enrollment=%d removed by user=%d", course.id, enrollment_id, current_user.id)
    return "", 204
