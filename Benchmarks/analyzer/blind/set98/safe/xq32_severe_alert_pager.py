#!/usr/bin/env python3
"""Cron job (every minute): page the on-call forecaster for new Extreme/Severe
alerts coming through the regional CAP relay, which aggregates NWS and county
emergency-management feeds."""
import json
import logging
import os
import subprocess
import sys

import requests

log = logging.getLogger("alerts.pager")

RELAY_URL = os.environ.get("CAP_RELAY_URL", "https://cap-relay.region.example-weather.net/active.json")
STATE_FILE = os.environ.get("PAGER_STATE", "/var/lib/wxalerts/paged.json")
ONCALL_FILE = "/etc/wxalerts/oncall.json"
PAGE_SEVERITIES = {"Extreme", "Severe"}


def load_state() -> set:
    try:
        with open(STATE_FILE) as fh:
            return set(json.load(fh))
    except FileNotFoundError:
        return set()


def save_state(seen: set) -> None:
    with open(STATE_FILE, "w") as fh:
        json.dump(sorted(seen)[-5000:], fh)


def fetch_alerts() -> list:
    resp = requests.get(RELAY_URL, timeout=15, headers={"Accept": "application/geo+json"})
    resp.raise_for_status()
    return [f["properties"] for f in resp.json().get("features", [])]


def build_page(alert: dict) -> tuple:
    subject = f"[WX {alert.get('severity', '?').upper()}] {alert.get('event', 'Alert')}"
    subject = " ".join(subject.split())
    body = f"{alert.get('headline', '')}\nAreas: {alert.get('areaDesc', '')[:200]}"
    return subject, body


def send_page(subject: str, body: str, recipients: list) -> int:
    cmd = ["/usr/bin/mail", "-s", subject, "--", *recipients]
    proc = subprocess.run(cmd, input=body, text=True, capture_output=True, timeout=60)
    return proc.returncode


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    with open(ONCALL_FILE) as fh:
        recipients = json.load(fh)["pager_addresses"]
    seen = load_state()
    try:
        alerts = fetch_alerts()
    except requests.RequestException as exc:
        log.error("relay fetch failed: %s", exc)
        return 1

    for alert in alerts:
        alert_id = alert.get("id")
        if not alert_id or alert_id in seen or alert.get("severity") not in PAGE_SEVERITIES:
            continue
        subject, body = build_page(alert)
        log.info("paging on-call for %r: %r", alert_id, alert.get("headline", ""))
        send_page(subject, body, recipients)
        seen.add(alert_id)

    save_state(seen)
    return 0


if __name__ == "__main__":
    sys.exit(main())
