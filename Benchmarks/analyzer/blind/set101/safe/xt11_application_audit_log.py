"""Public apply endpoint. Every submission is written to the compliance audit
log (EEO / OFCCP record keeping), which is shipped to the SIEM line by line."""
import logging
import logging.handlers
from datetime import datetime, timezone

from flask import Flask, jsonify, request

from ats.applications import ApplicationService, DuplicateApplication

app = Flask(__name__)
service = ApplicationService()

audit = logging.getLogger("audit.applications")
_handler = logging.handlers.WatchedFileHandler("/var/log/ats/applications-audit.log")
_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
audit.addHandler(_handler)
audit.setLevel(logging.INFO)

REQUIRED = ("full_name", "email", "requisition_id")


def client_ip() -> str:
    return request.headers.get("X-Forwarded-For", request.remote_addr or "").split(",")[0].strip()


def describe_submission(form: dict) -> dict:
    return {
        "candidate": form.get("full_name", "").strip(),
        "email": form.get("email", "").strip().lower(),
        "requisition": form.get("requisition_id"),
        "source": form.get("source") or request.args.get("utm_source", "direct"),
    }


@app.route("/apply", methods=["POST"])
def apply():
    form = request.get_json(silent=True) or request.form.to_dict()
    missing = [k for k in REQUIRED if not form.get(k)]
    if missing:
        return jsonify(error="missing fields", fields=missing), 400

    info = describe_submission(form)
    try:
        application_id = service.submit(form)
    except DuplicateApplication:
        audit.warning("duplicate application rejected: candidate=%r email=%r requisition=%r",
                      info["candidate"], info["email"], info["requisition"])
        return jsonify(error="already applied"), 409

    audit.info("application received id=%s candidate=%r email=%r requisition=%r source=%r ip=%r",
               application_id, info["candidate"], info["email"], info["requisition"],
               info["source"], client_ip())
    return jsonify(id=application_id,
                   received_at=datetime.now(timezone.utc).isoformat()), 201


@app.route("/apply/<int:application_id>/withdraw", methods=["POST"])
def withdraw(application_id: int):
    reason = request.form.get("reason", "")
    service.withdraw(application_id)
    audit.info("application %s withdrawn by candidate: %r", application_id, reason)
    return jsonify(status="withdrawn")
