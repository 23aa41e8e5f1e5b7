"""Falcon webhook receiving service alerts from the regional rail partner.

The partner's alerting system serialises its Python alert objects with
jsonpickle; we turn them into our own ServiceAlert records.
"""
import logging
import os
from dataclasses import dataclass, field
from datetime import datetime
from typing import List

import falcon
import jsonpickle

log = logging.getLogger("alert_webhook")

MAX_BODY = 512 * 1024
SEVERITIES = {"info", "minor", "major", "severe"}


@dataclass
class ServiceAlert:
    alert_id: str
    severity: str
    header: str
    description: str
    routes: List[str] = field(default_factory=list)
    starts_at: str = ""
    ends_at: str = ""


class AlertStore:
    def __init__(self):
        self.alerts = {}

    def upsert(self, alert: ServiceAlert) -> None:
        self.alerts[alert.alert_id] = alert

    def active(self) -> List[ServiceAlert]:
        now = datetime.utcnow().isoformat()
        return [a for a in self.alerts.values() if not a.ends_at or a.ends_at > now]


def to_alert(item) -> ServiceAlert:
    get = item.get if isinstance(item, dict) else (lambda k, d=None: getattr(item, k, d))
    severity = str(get("severity", "info")).lower()
    return ServiceAlert(
        alert_id=str(get("id")),
        severity=severity if severity in SEVERITIES else "info",
        header=str(get("header", ""))[:140],
        description=str(get("description", ""))[:2000],
        routes=[str(r) for r in (get("routes") or [])],
        starts_at=str(get("starts_at", "")),
        ends_at=str(get("ends_at", "") or ""),
    )


class AlertWebhookResource:
    def __init__(self, store: AlertStore):
        self.store = store

    def _decode(self, raw: bytes):
        document = jsonpickle.decode(raw.decode("utf-8"))  # VULN flow
        return document if isinstance(document, list) else [document]

    def on_post(self, req: falcon.Request, resp: falcon.Response) -> None:
        raw = req.bounded_stream.read(MAX_BODY + 1)
        if len(raw) > MAX_BODY:
            raise falcon.HTTPPayloadTooLarge()
        try:
            items = self._decode(raw)
            alerts = [to_alert(i) for i in items]
        except (ValueError, TypeError, AttributeError):
            raise falcon.HTTPBadRequest(title="unreadable alert payload")
        for alert in alerts:
            self.store.upsert(alert)
        log.info("accepted %d partner alerts", len(alerts))
        resp.media = {"accepted": len(alerts)}

    def on_get(self, req: falcon.Request, resp: falcon.Response) -> None:
        resp.media = [a.__dict__ for a in self.store.active()]


store = AlertStore()
app = falcon.App()
app.add_route("/partner/alerts", AlertWebhookResource(store))
