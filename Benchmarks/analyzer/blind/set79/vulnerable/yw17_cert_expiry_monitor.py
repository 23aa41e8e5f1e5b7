#!/usr/bin/env python3
"""Daily TLS certificate expiry sweep.

Pulls the list of TLS endpoints from the CMDB, checks each certificate and
opens a Jira ticket for anything expiring inside the warning window.
"""
import json
import logging
import os
import socket
import ssl
import urllib.request
from datetime import datetime, timezone

import requests

CMDB_URL = "https://cmdb.corp.internal/api/v1/tls-endpoints"
JIRA_URL = "https://jira.corp.internal/rest/api/2/issue"
JIRA_USER = os.environ.get("JIRA_USER", "svc-certmon")
JIRA_TOKEN = os.environ.get("JIRA_TOKEN", "")
WARN_DAYS = int(os.environ.get("CERT_WARN_DAYS", "21"))

log = logging.getLogger("certmon")


def load_endpoints() -> list:
    ctx = ssl._create_unverified_context()  # VULN
    req = urllib.request.Request(CMDB_URL, headers={"Accept": "application/json"})
    with urllib.request.urlopen(req, context=ctx, timeout=20) as resp:
        return json.load(resp)["endpoints"]


def days_left(host: str, port: int = 443) -> int:
    ctx = ssl.create_default_context()
    with socket.create_connection((host, port), timeout=10) as sock:
        with ctx.wrap_socket(sock, server_hostname=host) as tls:
            cert = tls.getpeercert()
    not_after = datetime.strptime(cert["notAfter"], "%b %d %H:%M:%S %Y %Z").replace(tzinfo=timezone.utc)
    return (not_after - datetime.now(timezone.utc)).days


def open_ticket(session: requests.Session, host: str, detail: str) -> str:
    payload = {
        "fields": {
            "project": {"key": "SECOPS"},
            "issuetype": {"name": "Task"},
            "summary": f"TLS certificate issue on {host}",
            "description": detail,
            "labels": ["cert-expiry", "automated"],
        }
    }
    resp = session.post(JIRA_URL, json=payload, timeout=15, verify=False)  # VULN
    resp.raise_for_status()
    return resp.json()["key"]


def main() -> None:
    session = requests.Session()
    session.auth = (JIRA_USER, JIRA_TOKEN)
    for ep in load_endpoints():
        host, port = ep["host"], int(ep.get("port", 443))
        try:
            remaining = days_left(host, port)
        except ssl.SSLCertVerificationError as exc:
            key = open_ticket(session, host, f"Certificate failed verification: {exc.verify_message}")
            log.warning("%s:%d invalid certificate -> %s", host, port, key)
            continue
        except OSError as exc:
            log.error("%s:%d unreachable: %s", host, port, exc)
            continue
        if remaining <= WARN_DAYS:
            key = open_ticket(session, host, f"Certificate on {host}:{port} expires in {remaining} days.")
            log.warning("%s:%d expires in %d days -> %s", host, port, remaining, key)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
