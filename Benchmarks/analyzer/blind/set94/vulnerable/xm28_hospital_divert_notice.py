"""Hospital diversion notices: ED charge nurses post divert status for EMS crews."""
import logging
from datetime import datetime, timedelta

from flask import Flask, abort, jsonify, render_template_string, request

app = Flask(__name__)
log = logging.getLogger("divert")

NOTICE_HEAD = """
<div class="divert-notice">
  <h3>{{ hospital }} &mdash; ON DIVERT</h3>
  <p>Until {{ until.strftime('%H:%M') }}</p>
"""
NOTICE_TAIL = "</div>"
REASONS = {"ed_saturation", "ct_down", "cath_lab_down", "trauma_bay_full", "internal_disaster"}

ACTIVE = {}


def build_notice(reason, message):
    body = NOTICE_HEAD
    body += f"  <p class='reason'>{reason.replace('_', ' ').title()}</p>\n"
    if message:
        body += f"  <p class='msg'>{message}</p>\n"
    return body + NOTICE_TAIL


@app.route("/divert/<hospital>/preview", methods=["POST"])
def preview(hospital):
    reason = request.form.get("reason", "")
    if reason not in REASONS:
        abort(400)
    hours = int(request.form.get("hours", "2"))
    message = request.form.get("message", "").strip()
    template = build_notice(reason, message)
    return render_template_string(  # VULN flow
        template,
        hospital=hospital,
        until=datetime.now() + timedelta(hours=hours),
    )


@app.route("/divert/<hospital>", methods=["POST"])
def set_divert(hospital):
    reason = request.form.get("reason", "")
    if reason not in REASONS:
        abort(400)
    hours = min(int(request.form.get("hours", "2")), 12)
    ACTIVE[hospital] = {"reason": reason, "until": datetime.now() + timedelta(hours=hours)}
    log.info("divert set for %r: %s (%dh)", hospital, reason, hours)
    return jsonify({"hospital": hospital, "until": ACTIVE[hospital]["until"].isoformat()})


@app.route("/divert")
def list_divert():
    now = datetime.now()
    return jsonify({h: d["reason"] for h, d in ACTIVE.items() if d["until"] > now})
