"""Nightly health and certificate-expiry check for internal services."""
import argparse
import json
import logging
import os
import socket
import ssl
import sys
from datetime import datetime, timezone

import requests
from cryptography import x509

log = logging.getLogger("opsmon")

STATUS_API = "https://status.example-ops.com/api/v1/components"
STATUS_TOKEN = os.environ["STATUSPAGE_TOKEN"]
CA_BUNDLE = os.environ.get("INTERNAL_CA_BUNDLE", "/etc/pki/ca-trust/internal-ca.pem")
WARN_DAYS = 21


def check_health(url):
    try:
        resp = requests.get(url, timeout=5, verify=CA_BUNDLE)
    except requests.RequestException as exc:
        return False, type(exc).__name__
    return resp.status_code == 200, str(resp.status_code)


def cert_days_left(host, port=443):
    ctx = ssl.create_default_context(cafile=CA_BUNDLE)
    with socket.create_connection((host, port), timeout=5) as sock:
        with ctx.wrap_socket(sock, server_hostname=host) as tls:
            der = tls.getpeercert(binary_form=True)
    cert = x509.load_der_x509_certificate(der)
    return (cert.not_valid_after_utc - datetime.now(timezone.utc)).days


def publish(component_id, status):
    requests.patch(
        f"{STATUS_API}/{component_id}",
        json={"status": status},
        headers={"Authorization": f"Bearer {STATUS_TOKEN}"},
        timeout=10,
    ).raise_for_status()


def main(argv=None):
    parser = argparse.ArgumentParser(description="Check service health and TLS certificate expiry.")
    parser.add_argument("inventory", help="JSON file listing services")
    parser.add_argument("--publish", action="store_true", help="push results to the status page")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")

    with open(args.inventory) as fh:
        services = json.load(fh)

    failures = 0
    for svc in services:
        healthy, detail = check_health(svc["health_url"])
        try:
            days = cert_days_left(svc["host"], svc.get("port", 443))
        except (ssl.SSLError, OSError):
            days = -1
        status = "operational" if healthy and days > WARN_DAYS else "degraded_performance"
        if not healthy or days <= WARN_DAYS:
            failures += 1
            log.warning("%s: health=%s cert_days=%d", svc["name"], detail, days)
        if args.publish and svc.get("component_id"):
            publish(svc["component_id"], status)
    log.info("checked %d services, %d need attention", len(services), failures)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
