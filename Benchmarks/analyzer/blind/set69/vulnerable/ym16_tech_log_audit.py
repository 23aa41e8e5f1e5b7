"""Falcon API for electronic tech log (ETL) defect entries.

Entries come from the crew EFB app; each one is appended to the aircraft's
defect list and written to the airworthiness audit log that CAMO reviews.
"""
import json
import logging
import os
import uuid
from datetime import datetime, timezone

import falcon

audit = logging.getLogger("etl.audit")
_handler = logging.FileHandler(os.environ.get("ETL_AUDIT_LOG", "/var/log/etl/audit.log"))
_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
audit.addHandler(_handler)
audit.setLevel(logging.INFO)

STORE_DIR = os.environ.get("ETL_STORE", "/var/lib/etl")


class DefectStore:
    def __init__(self, root):
        self.root = root

    def append(self, tail, entry):
        path = os.path.join(self.root, f"{tail}.jsonl")
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(entry) + "\n")


class TechLogResource:
    def __init__(self, store):
        self.store = store

    def on_post(self, req, resp, tail):
        if not tail.isalnum() or len(tail) > 8:
            raise falcon.HTTPBadRequest(description="invalid registration")
        entry = req.get_media() or {}
        crew_id = str(entry.get("crew_id", ""))
        ata = str(entry.get("ata_chapter", ""))
        defect = str(entry.get("defect", "")).strip()
        if not defect:
            raise falcon.HTTPBadRequest(description="defect text required")
        record = {
            "id": str(uuid.uuid4()),
            "tail": tail.upper(),
            "crew_id": crew_id,
            "ata": ata,
            "defect": defect,
            "mel_ref": entry.get("mel_ref"),
            "reported": datetime.now(timezone.utc).isoformat(),
        }
        self.store.append(tail.upper(), record)
        audit.info(f"defect {record['id']} tail={tail.upper()} ata={ata} by={crew_id}: {defect}")  # VULN flow
        resp.status = falcon.HTTP_201
        resp.media = {"id": record["id"]}


def create_app():
    app = falcon.App()
    app.add_route("/techlog/{tail}/defects", TechLogResource(DefectStore(STORE_DIR)))
    return app


app = create_app()
