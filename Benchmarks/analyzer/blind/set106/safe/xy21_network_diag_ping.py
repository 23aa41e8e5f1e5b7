"""NOC diagnostics API: reachability checks against network elements.

First-line NOC staff can ping or traceroute an element by its inventory
name (e.g. ``agg-sw-kln-03``) or directly by management address.
"""
import ipaddress
import json
import logging
import subprocess

import falcon

log = logging.getLogger("noc.diag")

INVENTORY = {
    "agg-sw-kln-03": "10.40.3.11",
    "bng-kln-01": "10.40.0.5",
    "enb-41207": "10.88.12.207",
}
TOOLS = {
    "ping": ["ping", "-c", "{count}", "-W", "2", "{target}"],
    "trace": ["traceroute", "-n", "-w", "2", "-m", "20", "{target}"],
}


def resolve_target(name_or_ip):
    """Map inventory names to management IPs; anything else must be an IP address."""
    value = INVENTORY.get(name_or_ip.strip().lower(), name_or_ip.strip())
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        raise falcon.HTTPBadRequest(description="unknown element")


def run_probe(tool, target, count=3):
    command = [arg.format(count=count, target=target) for arg in TOOLS[tool]]
    proc = subprocess.run(command, capture_output=True, text=True, timeout=60)
    return proc.returncode, proc.stdout


class ProbeResource:
    def on_post(self, req, resp, tool):
        if tool not in TOOLS:
            raise falcon.HTTPNotFound()
        body = req.get_media() or {}
        element = body.get("element", "")
        if not element:
            raise falcon.HTTPBadRequest(description="element is required")
        try:
            count = max(1, min(int(body.get("count", 3)), 10))
        except (TypeError, ValueError):
            raise falcon.HTTPBadRequest(description="count must be a number")

        target = resolve_target(element)
        rc, output = run_probe(tool, target, count)
        log.info("%s to %r returned %d", tool, target, rc)
        resp.text = json.dumps({"element": element, "target": target, "rc": rc, "output": output})
        resp.content_type = falcon.MEDIA_JSON


app = falcon.App()
app.add_route("/noc/probe/{tool}", ProbeResource())
