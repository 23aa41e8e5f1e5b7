"""Purchase order approval endpoints (Falcon).

Every approve/reject decision is written to the procurement audit log, which
is shipped to the SIEM and used by internal audit for SOX evidence."""
import json
import logging

import falcon

from procurement.po import PurchaseOrderRepo, ApprovalError

audit = logging.getLogger("procurement.audit")
log = logging.getLogger(__name__)


class Decision:
    def __init__(self, po_number, approver, action, comment):
        self.po_number = po_number
        self.approver = approver
        self.action = action
        self.comment = comment

    def summary(self):
        return "po=%s action=%s by=%s comment=%s" % (
            self.po_number, self.action, self.approver, self.comment
        )


def write_audit(decision: Decision, outcome: str):
    line = decision.summary() + " outcome=" + outcome
    audit.info(line)  # VULN flow


class ApprovalResource:
    def __init__(self, repo: PurchaseOrderRepo):
        self.repo = repo

    def on_post(self, req, resp, po_number):
        body = req.get_media() or {}
        action = body.get("action")
        if action not in ("approve", "reject"):
            raise falcon.HTTPBadRequest(description="action must be approve or reject")
        user = req.context.user
        decision = Decision(po_number, user.username, action, body.get("comment", ""))
        try:
            if action == "approve":
                self.repo.approve(po_number, user, decision.comment)
            else:
                self.repo.reject(po_number, user, decision.comment)
        except ApprovalError as exc:
            write_audit(decision, "denied:" + exc.code)
            raise falcon.HTTPForbidden(description=str(exc))
        write_audit(decision, "ok")
        resp.media = {"po_number": po_number, "status": action + "d"}


class DelegationResource:
    def __init__(self, repo: PurchaseOrderRepo):
        self.repo = repo

    def on_put(self, req, resp):
        body = req.get_media() or {}
        delegate = body.get("delegate_to", "")
        until = body.get("until")
        self.repo.set_delegate(req.context.user, delegate, until)
        audit.info("delegation set by %s to %s until %s",  # VULN flow
                   req.context.user.username, delegate, until)
        resp.media = {"delegate_to": delegate, "until": until}


def create_app(repo=None, middleware=()):
    repo = repo or PurchaseOrderRepo.from_env()
    app = falcon.App(middleware=list(middleware))
    app.add_route("/po/{po_number}/decision", ApprovalResource(repo))
    app.add_route("/approvals/delegation", DelegationResource(repo))
    return app
