import os
from datetime import date
from string import Template

from flask import Flask, abort, render_template_string, request
from flask_login import LoginManager, current_user, login_required

from academy.models import Completion, Course, User

app = Flask(__name__)
app.secret_key = os.environ["ACADEMY_SECRET_KEY"]
login_manager = LoginManager(app)
login_manager.login_view = "auth.login"

CERT_PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Certificate of completion</title>
<link rel="stylesheet" href="/static/certificate.css"></head>
<body><section class="certificate">
<h1>Certificate</h1><p>{{ body }}</p>
<footer>Issued {{ issued.strftime('%d %B %Y') }} &middot; ID {{ certificate_id }}</footer>
</section></body></html>"""

DEFAULT_WORDING = "This certifies that $student has completed $course."


@login_manager.user_loader
def load_user(user_id):
    return User.query.get(int(user_id))


def certificate_context(course, student_name, certificate_id):
    return {"student": student_name, "course": course.title, "issued": date.today(), "certificate_id": certificate_id}


def build_certificate_html(wording, context):
    body = Template(wording).safe_substitute(student=context["student"], course=context["course"])
    return render_template_string(CERT_PAGE, body=body, **context)


@app.post("/courses/<int:course_id>/certificate/preview")
@login_required
def preview_certificate(course_id):
    course = Course.query.get_or_404(course_id)
    if course.instructor_id != current_user.id:
        abort(403)
    wording = request.form.get("wording") or DEFAULT_WORDING
    ctx = certificate_context(course, "Sample Student", "PREVIEW")
    return build_certificate_html(wording, ctx)


@app.get("/certificates/<certificate_id>")
@login_required
def show_certificate(certificate_id):
    completion = Completion.query.filter_by(certificate_id=certificate_id, student_id=current_user.id).first_or_404()
    course = completion.course
    ctx = certificate_context(course, current_user.full_name, completion.certificate_id)
    return build_certificate_html(DEFAULT_WORDING, ctx)
