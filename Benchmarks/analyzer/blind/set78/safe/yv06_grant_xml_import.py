"""Import grant applications exported as XML from the funder portal."""
import logging
import sqlite3

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as etree
from fastapi import FastAPI, File, HTTPException, UploadFile

app = FastAPI(title="grant-import")
log = logging.getLogger("grants.import")
DB_PATH = "/var/lib/grants/applications.db"


def parse_application(payload: bytes) -> dict:
    root = etree.fromstring(payload, forbid_dtd=True)
    amount = root.findtext("request/amount") or "0"
    return {
        "applicant": (root.findtext("organization/name") or "").strip(),
        "ein": (root.findtext("organization/ein") or "").strip(),
        "program": (root.findtext("request/program") or "").strip(),
        "amount": float(amount),
        "summary": (root.findtext("request/summary") or "").strip(),
    }


def save_application(app_data: dict) -> int:
    with sqlite3.connect(DB_PATH) as conn:
        cur = conn.execute(
            "INSERT INTO applications (applicant, ein, program, amount, summary) "
            "VALUES (:applicant, :ein, :program, :amount, :summary)",
            app_data,
        )
        return cur.lastrowid


@app.post("/applications/import", status_code=201)
async def import_application(file: UploadFile = File(...)):
    payload = await file.read()
    try:
        data = parse_application(payload)
    except (etree.ParseError, DefusedXmlException, ValueError) as exc:
        log.warning("rejected application upload: %r", str(exc))
        raise HTTPException(status_code=422, detail="could not parse application XML")
    if not data["applicant"] or not data["ein"]:
        raise HTTPException(status_code=422, detail="organization name and EIN are required")
    app_id = save_application(data)
    log.info("imported application %d", app_id)
    return {"id": app_id, **data}
