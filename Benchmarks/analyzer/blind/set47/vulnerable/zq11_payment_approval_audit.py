"""Payment approval resource (four-eyes check) for the ops back office."""
import logging
from datetime import datetime, timezone

import falcon

from payops.repository import PaymentRepository

audit = logging.getLogger("payops.audit")
log = logging.getLogger("payops.api")


def _ts() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class ApprovalResource:
    """POST /payments/{payment_id}/decision"""

    def __init__(self, repo: PaymentRepository) -> None:
        self.repo = repo

    def on_post(self, req: falcon.Request, resp: falcon.Response, payment_id: str) -> None:
        body = req.get_media() or {}
        approver = req.context.get("operator_id", "unknown")
        decision = body.get("decision", "")
        comment = body.get("comment", "")

        payment = self.repo.get(payment_id)
        if payment is None:
            raise falcon.HTTPNotFound()
        if decision not in ("approve", "reject"):
            raise falcon.HTTPBadRequest(title="decision must be approve or reject")
        if payment["created_by"] == approver:
            audit.warning("four-eyes violation attempt payment=%s operator=%r",
                          payment["reference"], approver)
            raise falcon.HTTPForbidden(title="maker cannot approve own payment")

        status = "APPROVED" if decision == "approve" else "REJECTED"
        self.repo.set_status(payment_id, status, approver, comment)

        entry = (
            f"{_ts()} payment={payment['reference']} amount={payment['amount']} "
            f"{payment['currency']} status={status} operator={approver} comment={comment}"
        )
        audit.info(entry)  # VULN flow
        resp.media = {"payment": payment["reference"], "status": status}


class CommentResource:
    """POST /payments/{payment_id}/comments"""

    def __init__(self, repo: PaymentRepository) -> None:
        self.repo = repo

    def on_post(self, req: falcon.Request, resp: falcon.Response, payment_id: str) -> None:
        text = (req.get_media() or {}).get("text", "").strip()
        if not text:
            raise falcon.HTTPBadRequest(title="empty comment")
        operator = req.context.get("operator_id", "unknown")
        self.repo.add_comment(payment_id, operator, text)
        audit.info("%s comment payment_id=%r operator=%r text=%s" % (_ts(), payment_id, operator, text))  # VULN flow
        resp.status = falcon.HTTP_201


def create_app(repo: PaymentRepository) -> falcon.App:
    app = falcon.App()
    app.add_route("/payments/{payment_id}/decision", ApprovalResource(repo))
    app.add_route("/payments/{payment_id}/comments", CommentResource(repo))
    return app
