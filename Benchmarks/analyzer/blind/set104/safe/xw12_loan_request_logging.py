"""Inter-institutional loan request intake (Falcon).

Borrowing institutions submit requests through the public loans form; the
registrar's team works from the audit trail and the application log.
"""
import datetime
import itertools
import logging
import os

import falcon

log = logging.getLogger("loans")
AUDIT_PATH = os.environ.get("LOANS_AUDIT_LOG", "/var/log/loans/audit.log")


def _oneline(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n")


class AuditTrail:
    def __init__(self, path: str):
        self.path = path

    def record(self, actor: str, action: str, detail: str) -> None:
        stamp = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
        line = f"{stamp} actor={_oneline(actor)} action={action} {_oneline(detail)}\n"
        with open(self.path, "a", encoding="utf-8") as fh:
            fh.write(line)


class LoanStore:
    def __init__(self):
        self._seq = itertools.count(1)
        self.requests = {}

    def create(self, **fields) -> str:
        ref = f"LN-{datetime.date.today():%Y}-{next(self._seq):04d}"
        self.requests[ref] = {**fields, "status": "received"}
        return ref


class LoanRequestResource:
    def __init__(self, store: LoanStore, audit: AuditTrail):
        self.store = store
        self.audit = audit

    def on_post(self, req: falcon.Request, resp: falcon.Response) -> None:
        data = req.get_media() or {}
        institution = str(data.get("institution", "")).strip()
        contact = str(data.get("contact_email", "")).strip()
        objects = data.get("objects") or []
        purpose = str(data.get("purpose", ""))
        if not institution or not contact or not isinstance(objects, list) or not objects:
            raise falcon.HTTPBadRequest(title="institution, contact_email and objects are required")

        log.info("loan request from %r <%r> for %d objects", institution, contact, len(objects))
        ref = self.store.create(institution=institution, contact=contact,
                                objects=objects, purpose=purpose)
        self.audit.record(contact, "loan.request", f"ref={ref} institution={institution}")
        resp.status = falcon.HTTP_201
        resp.media = {"reference": ref, "status": "received"}

    def on_get(self, req: falcon.Request, resp: falcon.Response) -> None:
        resp.media = {"open_requests": len(self.store.requests)}


def create_app() -> falcon.App:
    app = falcon.App()
    app.add_route("/loans/requests", LoanRequestResource(LoanStore(), AuditTrail(AUDIT_PATH)))
    return app


app = create_app()
