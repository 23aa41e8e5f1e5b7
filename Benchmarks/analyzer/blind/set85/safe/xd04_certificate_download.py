"""Certificate download endpoint for learners who completed a course."""
import logging
import os
from functools import wraps

from flask import Flask, abort, g, request, send_file, session

app = Flask(__name__)
app.config.from_envvar("CERTS_SETTINGS", silent=True)
log = logging.getLogger("certs.download")

CERT_ROOT = os.path.realpath(os.environ.get("CERT_STORAGE", "/srv/mooc/certificates"))
FORMATS = {"pdf": "application/pdf", "png": "image/png"}


def login_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        if "learner_id" not in session:
            abort(401)
        g.learner_id = session["learner_id"]
        return view(*args, **kwargs)
    return wrapper


def certificate_dir(course_slug: str) -> str:
    return os.path.join(CERT_ROOT, course_slug)


def resolve_certificate(course_slug: str, filename: str) -> str:
    # older certificates were issued with the legacy "<id>-<hash>.pdf" naming,
    # so the client may ask for an explicit file name
    candidate = os.path.realpath(os.path.join(certificate_dir(course_slug), filename))
    if os.path.commonpath([CERT_ROOT, candidate]) != CERT_ROOT:
        abort(404)
    return candidate


@app.route("/courses/<course_slug>/certificate")
@login_required
def download_certificate(course_slug: str):
    fmt = request.args.get("format", "pdf")
    if fmt not in FORMATS:
        abort(400)
    filename = os.path.basename(request.args.get("file") or f"{g.learner_id}.{fmt}")
    if not (filename.startswith(f"{g.learner_id}.") or filename.startswith(f"{g.learner_id}-")):
        abort(403)
    path = resolve_certificate(course_slug, filename)
    if not os.path.isfile(path):
        abort(404)
    log.info("learner %s downloading certificate for %r", g.learner_id, course_slug)
    return send_file(
        path,
        mimetype=FORMATS[fmt],
        as_attachment=True,
        download_name=f"certificate-{course_slug}.{fmt}",
    )
