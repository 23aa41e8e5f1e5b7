"""Building-permit intake: accepts XML submissions from county e-forms."""
import json
import logging
import os
import uuid
from datetime import datetime, timezone
from pathlib import Path

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring
from sanic import Blueprint, Sanic
from sanic.exceptions import BadRequest, NotFound
from sanic.response import json as json_response

app = Sanic("permit_intake")
bp = Blueprint("permits", url_prefix="/permits")
logger = logging.getLogger("permit_intake")

INTAKE_DIR = Path(os.environ.get("PERMIT_INTAKE_DIR", "/var/lib/permits/intake"))
REQUIRED_FIELDS = ("applicant", "parcel", "permit_type", "description")


def parse_submission(payload: bytes) -> dict:
    root = fromstring(payload, forbid_dtd=True)
    form = {}
    for name in REQUIRED_FIELDS:
        node = root.find(name)
        if node is None or not (node.text or "").strip():
            raise BadRequest(f"missing field: {name}")
        form[name] = node.text.strip()
    form["attachments"] = [a.get("href") for a in root.iterfind("attachments/attachment")]
    return form


@bp.post("/submit")
async def submit(request):
    if request.content_type.split(";")[0] not in ("application/xml", "text/xml"):
        raise BadRequest("expected an XML document")
    try:
        form = parse_submission(request.body)
    except (ParseError, DefusedXmlException):
        raise BadRequest("malformed XML")
    submission_id = uuid.uuid4().hex
    form["received_at"] = datetime.now(timezone.utc).isoformat()
    INTAKE_DIR.mkdir(parents=True, exist_ok=True)
    (INTAKE_DIR / f"{submission_id}.json").write_text(json.dumps(form), encoding="utf-8")
    logger.info("Permit %s received for parcel %r", submission_id, form["parcel"])
    return json_response({"submission_id": submission_id, "form": form}, status=201)


@bp.get("/<submission_id:uuid>")
async def status(request, submission_id):
    path = INTAKE_DIR / f"{submission_id.hex}.json"
    if not path.exists():
        raise NotFound("unknown submission")
    form = json.loads(path.read_text(encoding="utf-8"))
    return json_response({"submission_id": submission_id.hex, "received_at": form["received_at"]})


app.blueprint(bp)
