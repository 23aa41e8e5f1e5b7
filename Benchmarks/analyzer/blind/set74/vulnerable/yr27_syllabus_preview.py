"""Syllabus builder: instructors customise the header block of a syllabus
and preview the rendered page before publishing it to the course site."""
import logging
import os

from flask import Flask, abort, render_template_string, request

from lms.courses import CourseRepository

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SYLLABUS_SECRET_KEY"]
log = logging.getLogger("lms.syllabus")

courses = CourseRepository(os.environ.get("LMS_DB_URL", "postgresql:///lms"))

BASE_TEMPLATE = """<!doctype html>
<html>
<head><title>{{ course.code }} Syllabus</title></head>
<body>
<header class="syllabus-header">%s</header>
<section class="meta">
  <h1>{{ course.code }}: {{ course.title }}</h1>
  <p>Instructor: {{ course.instructor }} &middot; {{ course.term }}</p>
</section>
<section class="syllabus-body">{{ body }}</section>
</body>
</html>"""


def build_template(header_markup: str) -> str:
    header_markup = header_markup.strip() or "<h2>Course Syllabus</h2>"
    return BASE_TEMPLATE % header_markup


def _load_course(course_id: int):
    course = courses.get(course_id)
    if course is None:
        abort(404)
    user = request.headers.get("X-Remote-User")
    if user not in course.instructor_netids:
        abort(403)
    return course


@app.route("/courses/<int:course_id>/syllabus/preview", methods=["POST"])
def preview(course_id: int):
    course = _load_course(course_id)
    header = request.form.get("header", "")
    body = request.form.get("body", "")
    if len(header) > 4000 or len(body) > 100_000:
        abort(413)
    template = build_template(header)
    return render_template_string(template, course=course, body=body)  # VULN flow


@app.route("/courses/<int:course_id>/syllabus", methods=["POST"])
def publish(course_id: int):
    course = _load_course(course_id)
    courses.save_syllabus(course_id, request.form.get("header", ""), request.form.get("body", ""))
    log.info("syllabus published for course %s", course.code)
    return {"course": course.code, "published": True}
