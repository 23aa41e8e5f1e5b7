"""Ticket routing rules: supervisors define patterns that auto-assign tickets to queues."""
import logging
import re

import falcon

log = logging.getLogger("helpdesk.routing")
MAX_PATTERN = 120


class RuleStore:
    def __init__(self):
        self.rules = []

    def add(self, queue, pattern, priority=100):
        self.rules.append({"queue": queue, "pattern": pattern[:MAX_PATTERN], "priority": priority})
        self.rules.sort(key=lambda r: r["priority"])

    def route(self, subject, default="triage"):
        for rule in self.rules:
            if re.search(re.escape(rule["pattern"]), subject, re.IGNORECASE):
                return rule["queue"]
        return default


store = RuleStore()
TICKETS = [
    {"id": 101, "subject": "Invoice 2231 charged twice", "queue": "billing"},
    {"id": 102, "subject": "Cannot reset password", "queue": "accounts"},
    {"id": 103, "subject": "API returns 500 on /contacts", "queue": "tech"},
]


class RoutingRulesResource:
    def on_get(self, req, resp):
        resp.media = {"rules": store.rules}

    def on_post(self, req, resp):
        body = req.get_media() or {}
        queue = body.get("queue")
        pattern = body.get("pattern", "")
        if not queue or not pattern:
            raise falcon.HTTPBadRequest(title="queue and pattern are required")
        store.add(queue, pattern, int(body.get("priority", 100)))
        resp.status = falcon.HTTP_201
        resp.media = {"ok": True}


class RoutePreviewResource:
    def on_post(self, req, resp):
        body = req.get_media() or {}
        resp.media = {"queue": store.route(str(body.get("subject", "")))}


class TicketSearchResource:
    def on_get(self, req, resp):
        term = (req.get_param("match") or "")[:MAX_PATTERN]
        try:
            rx = re.compile(re.escape(term), re.IGNORECASE)
        except re.error:
            raise falcon.HTTPBadRequest(title="invalid pattern")
        hits = [t for t in TICKETS if rx.search(t["subject"])]
        resp.media = {"count": len(hits), "tickets": hits}


app = falcon.App()
app.add_route("/routing/rules", RoutingRulesResource())
app.add_route("/routing/preview", RoutePreviewResource())
app.add_route("/tickets", TicketSearchResource())
