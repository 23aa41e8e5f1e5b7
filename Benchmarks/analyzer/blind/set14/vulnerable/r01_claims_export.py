"""Claim packet export endpoints used by the adjuster portal."""
import logging
import os
import smtplib
import subprocess
from datetime import datetime, timezone
from email.message import EmailMessage

from flask import Blueprint, abort, jsonify, request, send_file

bp = Blueprint("claims_export", __name__, url_prefix="/claims")
log = logging.getLogger("claims.export")

EXPORT_ROOT = os.environ.get("CLAIMS_EXPORT_ROOT", "/var/lib/claims/exports")
RENDERER = "/usr/local/bin/claim-render"
SMTP_HOST = os.environ.get("SMTP_HOST", "mail.internal")
SMTP_USER = "adjuster-bot"
SMTP_PASSWORD = "Adj#Portal2023!"  # VULN
INTERNAL_DOMAIN = "@example-insure.com"


def _export_name(claim_id, fmt):
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d%H%M")
    return f"claim-{claim_id}-{stamp}.{fmt}"


def _render_packet(claim_id, fmt, watermark):
    out_path = os.path.join(EXPORT_ROOT, _export_name(claim_id, fmt))
    cmd = f"{RENDERER} --claim {claim_id} --format {fmt} --watermark \"{watermark}\" -o {out_path}"
    log.info("rendering claim %s", claim_id)
    subprocess.run(cmd, shell=True, check=True, timeout=300)  # VULN flow
    return out_path


def _notify(recipient, claim_id, path):
    msg = EmailMessage()
    msg["Subject"] = f"Claim {claim_id} export ready"
    msg["From"] = "claims-noreply" + INTERNAL_DOMAIN
    msg["To"] = recipient
    msg.set_content(f"The export {os.path.basename(path)} is ready for download.")
    with smtplib.SMTP(SMTP_HOST, 587) as smtp:
        smtp.starttls()
        smtp.login(SMTP_USER, SMTP_PASSWORD)
        smtp.send_message(msg)


@bp.route("/<int:claim_id>/export", methods=["POST"])
def export_claim(claim_id):
    body = request.get_json(silent=True) or {}
    fmt = body.get("format", "pdf")
    watermark = body.get("watermark", "CONFIDENTIAL")
    try:
        path = _render_packet(claim_id, fmt, watermark)
    except subprocess.CalledProcessError as exc:
        log.error("renderer failed for claim %s: rc=%s", claim_id, exc.returncode)
        return jsonify(error="render failed"), 502
    except subprocess.TimeoutExpired:
        log.error("renderer timed out for claim %s", claim_id)
        return jsonify(error="render timed out"), 504

    recipient = str(body.get("notify") or "")
    if recipient.endswith(INTERNAL_DOMAIN):
        _notify(recipient, claim_id, path)
    return jsonify(file=os.path.basename(path)), 201


@bp.route("/exports/download")
def download_export():
    name = request.args.get("name", "")
    if not name:
        abort(400)
    return send_file(os.path.join(EXPORT_ROOT, name), as_attachment=True)  # VULN flow
