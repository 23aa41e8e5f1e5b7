"""'Test connection' action from the device onboarding wizard."""
import ipaddress
import logging
import os

import falcon
import requests

log = logging.getLogger("onboarding")

CHECK_TIMEOUT = 5
DEVICE_CA_BUNDLE = os.environ.get("DEVICE_CA_BUNDLE")
MGMT_NETWORKS = [ipaddress.ip_network(n) for n in os.environ.get("MGMT_NETWORKS", "10.250.0.0/16").split(",")]
ALLOWED_PORTS = {443, 8443}
DEFAULT_PATHS = {
    "arista": "/command-api",
    "cisco": "/restconf/data/ietf-yang-library:modules-state",
    "juniper": "/rpc/get-software-information",
    "generic": "/",
}


def build_probe_url(spec: dict) -> str:
    host = str(spec.get("mgmt_host", "")).strip()
    if not host:
        raise ValueError("mgmt_host is required")
    addr = ipaddress.ip_address(host)
    if not any(addr in net for net in MGMT_NETWORKS):
        raise ValueError("mgmt_host is outside the management networks")
    port = int(spec.get("port", 443))
    if port not in ALLOWED_PORTS:
        raise ValueError("port not allowed")
    path = DEFAULT_PATHS.get(spec.get("vendor", "generic"), "/")
    return f"https://{addr}:{port}{path}"


class ConnectionTestResource:
    def on_post(self, req, resp):
        spec = req.get_media() or {}
        try:
            url = build_probe_url(spec)
        except ValueError as exc:
            raise falcon.HTTPBadRequest(title="invalid device spec", description=str(exc))

        log.info("connection test for %r", spec.get("mgmt_host"))
        try:
            r = requests.get(url, timeout=CHECK_TIMEOUT, allow_redirects=False, verify=DEVICE_CA_BUNDLE or True)
        except requests.RequestException as exc:
            resp.media = {"reachable": False, "error": type(exc).__name__}
            return
        resp.media = {
            "reachable": True,
            "status": r.status_code,
            "server": r.headers.get("Server"),
            "preview": r.text[:300],
        }


app = falcon.App()
app.add_route("/onboarding/test-connection", ConnectionTestResource())
