"""Water-quality lab report downloads for the LIMS web front end."""
import functools
import logging
import os
import re

from flask import Flask, abort, jsonify, request, send_file, session

app = Flask(__name__)
app.secret_key = os.environ["LIMS_WEB_SECRET"]
log = logging.getLogger("lims.reports")

SAMPLE_RE = re.compile(r"^\d{4}-\d{5}$")
REPORT_ROOT = os.path.realpath("/srv/lims/reports")


def login_required(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        if not session.get("user"):
            abort(401)
        return view(*args, **kwargs)
    return wrapper


def sample_folder(sample_id: str) -> str:
    if not SAMPLE_RE.fullmatch(sample_id):
        abort(404)
    # reports are bucketed by year prefix: 2024-00113 -> 2024/2024-00113
    return os.path.join(REPORT_ROOT, sample_id[:4], sample_id)


def report_path(sample_id: str, filename: str) -> str:
    candidate = os.path.realpath(os.path.join(sample_folder(sample_id), filename))
    if os.path.commonpath([candidate, REPORT_ROOT]) != REPORT_ROOT:
        abort(404)
    return candidate


@app.route("/lab/samples/<sample_id>/reports")
@login_required
def list_reports(sample_id):
    folder = os.path.realpath(sample_folder(sample_id))
    if os.path.commonpath([folder, REPORT_ROOT]) != REPORT_ROOT or not os.path.isdir(folder):
        abort(404)
    files = sorted(f for f in os.listdir(folder) if f.lower().endswith((".pdf", ".csv")))
    return jsonify({"sample": sample_id, "files": files})


@app.route("/lab/samples/<sample_id>/report")
@login_required
def download_report(sample_id):
    requested = request.args.get("file", "summary.pdf")
    path = report_path(sample_id, requested)
    if not os.path.isfile(path):
        abort(404)
    log.info("user %r downloaded %r", session["user"], path)
    return send_file(path, as_attachment=True)


@app.errorhandler(401)
def unauthorised(_err):
    return jsonify({"error": "login required"}), 401
