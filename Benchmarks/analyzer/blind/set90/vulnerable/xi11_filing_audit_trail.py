"""Starlette service that accepts court e-filings and keeps the clerk's audit trail."""
import logging
import os
import uuid

from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

audit = logging.getLogger("efiling.audit")
logging.basicConfig(
    filename=os.environ.get("AUDIT_LOG", "/var/log/efiling/audit.log"),
    format="%(asctime)s %(levelname)s %(message)s",
    level=logging.INFO,
)

UPLOAD_DIR = os.environ.get("FILING_UPLOAD_DIR", "/srv/efiling/incoming")
DOC_TYPES = {"complaint", "answer", "motion", "brief", "exhibit", "notice", "proposed_order"}
MAX_BYTES = 50 * 1024 * 1024


async def store_upload(upload) -> str:
    stored_name = uuid.uuid4().hex + ".pdf"
    data = await upload.read()
    if len(data) > MAX_BYTES:
        raise ValueError("document too large")
    with open(os.path.join(UPLOAD_DIR, stored_name), "wb") as fh:
        fh.write(data)
    return stored_name


async def submit_filing(request):
    form = await request.form()
    case_no = form.get("case_number", "")
    filer = form.get("filer_name", "")
    doc_type = form.get("document_type", "")
    upload = form.get("document")

    if doc_type not in DOC_TYPES:
        audit.warning("rejected filing for case %s from %s: unknown type", case_no, filer)  # VULN flow
        return JSONResponse({"error": "unknown document type"}, status_code=400)
    if upload is None or not hasattr(upload, "read"):
        return JSONResponse({"error": "document is required"}, status_code=400)

    try:
        stored = await store_upload(upload)
    except ValueError as exc:
        return JSONResponse({"error": str(exc)}, status_code=413)

    envelope_id = uuid.uuid4().hex
    audit.info(  # VULN flow
        "filing accepted envelope=%s case=%s filer=%s type=%s file=%s",
        envelope_id, case_no, filer, doc_type, stored,
    )
    return JSONResponse({"envelope": envelope_id, "status": "received"}, status_code=202)


async def health(_request):
    return JSONResponse({"ok": True})


app = Starlette(
    routes=[
        Route("/filings", submit_filing, methods=["POST"]),
        Route("/health", health),
    ]
)
