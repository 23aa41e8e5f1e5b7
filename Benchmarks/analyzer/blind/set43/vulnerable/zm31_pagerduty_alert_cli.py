#!/usr/bin/env python3
"""Fire / resolve PagerDuty incidents from cron jobs and shell scripts.

Uses only the standard library so it can be dropped onto minimal hosts.
Example:
    pd_alert.py trigger --summary "disk 95% on db-03" --severity critical --dedup disk-db-03
"""
import argparse
import json
import socket
import ssl
import sys
import urllib.error
import urllib.request

EVENTS_URL = "https://events.pagerduty.com/v2/enqueue"
ROUTING_KEY = "R02F7KQ8XW3ZL9MB1TD6VHNC4PYA5GES"  # VULN
TIMEOUT = 10


def _ssl_context() -> ssl.SSLContext:
    # some of the older hosts have a stale CA bundle
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE  # VULN
    return ctx


def send_event(action: str, dedup_key: str, summary: str = "", severity: str = "error",
               source: str = "", details: dict = None) -> dict:
    event = {"routing_key": ROUTING_KEY, "event_action": action, "dedup_key": dedup_key}
    if action == "trigger":
        event["payload"] = {
            "summary": summary[:1024],
            "severity": severity,
            "source": source or socket.getfqdn(),
            "custom_details": details or {},
        }
    req = urllib.request.Request(
        EVENTS_URL,
        data=json.dumps(event).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(req, timeout=TIMEOUT, context=_ssl_context()) as resp:
        return json.loads(resp.read())


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="PagerDuty Events v2 helper")
    ap.add_argument("action", choices=["trigger", "acknowledge", "resolve"])
    ap.add_argument("--dedup", required=True, help="dedup key identifying the incident")
    ap.add_argument("--summary", default="")
    ap.add_argument("--severity", default="error", choices=["critical", "error", "warning", "info"])
    ap.add_argument("--source", default="")
    ap.add_argument("--detail", action="append", default=[], metavar="KEY=VALUE")
    args = ap.parse_args(argv)

    if args.action == "trigger" and not args.summary:
        ap.error("--summary is required for trigger")
    details = dict(d.split("=", 1) for d in args.detail if "=" in d)
    try:
        result = send_event(args.action, args.dedup, args.summary, args.severity, args.source, details)
    except urllib.error.URLError as exc:
        print(f"pagerduty request failed: {exc}", file=sys.stderr)
        return 1
    print(result.get("message", result))
    return 0 if result.get("status") == "success" else 1


if __name__ == "__main__":
    sys.exit(main())
