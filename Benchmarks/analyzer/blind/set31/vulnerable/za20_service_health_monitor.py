"""Health and certificate checks for internal HTTPS services."""
import argparse
import json
import logging
import socket
import ssl
import sys
from datetime import datetime, timezone
from urllib.parse import urlparse

import requests
import yaml
from cryptography import x509

logger = logging.getLogger("healthcheck")
WARN_DAYS = 21


def load_targets(path):
    with open(path, "r", encoding="utf-8") as fh:
        config = yaml.safe_load(fh) or {}
    return config.get("targets", [])


def check_http(url, expected_status=200):
    started = datetime.now(timezone.utc)
    resp = requests.get(url, timeout=10, verify=False)  # VULN
    elapsed = (datetime.now(timezone.utc) - started).total_seconds()
    return {"status": resp.status_code, "ok": resp.status_code == expected_status, "latency": round(elapsed, 3)}


def certificate_days_left(host, port=443):
    context = ssl._create_unverified_context()  # VULN
    with socket.create_connection((host, port), timeout=10) as sock:
        with context.wrap_socket(sock, server_hostname=host) as tls:
            der = tls.getpeercert(binary_form=True)
    cert = x509.load_der_x509_certificate(der)
    return (cert.not_valid_after_utc - datetime.now(timezone.utc)).days


def run_checks(targets):
    report = []
    for target in targets:
        url = target["url"]
        host = urlparse(url).hostname
        entry = {"name": target.get("name", host), "url": url}
        try:
            entry.update(check_http(url, target.get("expect", 200)))
            entry["cert_days_left"] = certificate_days_left(host, urlparse(url).port or 443)
            entry["cert_ok"] = entry["cert_days_left"] >= WARN_DAYS
        except (requests.RequestException, OSError, ValueError) as exc:
            logger.warning("check for %r failed: %r", url, exc)
            entry.update({"ok": False, "cert_ok": False, "error": type(exc).__name__})
        report.append(entry)
    return report


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("config", help="YAML file listing targets")
    parser.add_argument("--json", action="store_true", help="emit machine-readable output")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    report = run_checks(load_targets(args.config))
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        for entry in report:
            flag = "OK " if entry["ok"] and entry["cert_ok"] else "FAIL"
            print(f"{flag} {entry['name']:<30} {entry.get('cert_days_left', '-')} days")
    return 0 if all(e["ok"] and e["cert_ok"] for e in report) else 2


if __name__ == "__main__":
    sys.exit(main())
