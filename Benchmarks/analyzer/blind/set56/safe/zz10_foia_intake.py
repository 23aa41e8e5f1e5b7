"""Falcon service accepting public records (FOIA) requests from the web form."""
import logging
import os
import uuid
from datetime import datetime, timezone

import falcon
import requests

RECORDS_API = "https://records.internal.county.gov/api/v2"
RECORDS_API_TOKEN = os.environ["RECORDS_API_TOKEN"]

logging.basicConfig(
    filename="/var/log/foia/intake.log",
    level=logging.INFO,
    format="%(asctime)s %(levelname)s %(message)s",
)
log = logging.getLogger("foia")

REQUIRED = ("requester_name", "email", "subject", "description")


class RecordsClient:
    def __init__(self, base_url: str, token: str):
        self.base_url = base_url
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {token}"

    def open_case(self, payload: dict) -> str:
        resp = self.session.post(f"{self.base_url}/cases", json=payload, timeout=15)
        resp.raise_for_status()
        return resp.json()["case_id"]


class FoiaRequestResource:
    def __init__(self, client: RecordsClient):
        self.client = client

    def on_post(self, req, resp):
        form = req.get_media() or {}
        missing = [f for f in REQUIRED if not str(form.get(f, "")).strip()]
        if missing:
            raise falcon.HTTPBadRequest(title="missing fields", description=", ".join(missing))

        requester = form["requester_name"].strip()
        subject = form["subject"].strip()
        tracking = uuid.uuid4().hex[:10].upper()
        log.info("FOIA %s received from %r regarding %r", tracking, requester, subject)

        case_id = self.client.open_case({
            "tracking": tracking,
            "requester": requester,
            "email": form["email"],
            "subject": subject,
            "description": form["description"],
            "received_at": datetime.now(timezone.utc).isoformat(),
        })
        log.info("FOIA %s opened as case %r", tracking, case_id)
        resp.status = falcon.HTTP_201
        resp.media = {"tracking_number": tracking, "case": case_id}


class HealthResource:
    def on_get(self, req, resp):
        resp.media = {"ok": True}


def create_app() -> falcon.App:
    app = falcon.App()
    app.add_route("/foia/requests", FoiaRequestResource(RecordsClient(RECORDS_API, RECORDS_API_TOKEN)))
    app.add_route("/healthz", HealthResource())
    return app


app = create_app()
