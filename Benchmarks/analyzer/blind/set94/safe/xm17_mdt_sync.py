#!/usr/bin/env python3
"""Pushes premise-hazard and hydrant layers to mobile data terminals (MDTs)."""
import argparse
import hashlib
import json
import logging
import os
import ssl
import sys
import urllib.request

log = logging.getLogger("mdt.sync")

SYNC_URL = os.environ.get("MDT_SYNC_URL", "https://mdt-hub.fire.example.gov/sync")
LAYER_DIR = os.environ.get("MDT_LAYER_DIR", "/srv/gis/mdt_layers")
HUB_CA_FILE = os.environ.get("MDT_HUB_CA", "/etc/ssl/certs/mdt-hub-ca.pem")
LAYERS = ("premise_hazards", "hydrants", "knox_boxes")


def build_ssl_context():
    # hub presents a cert issued by the vendor CA; trust that CA explicitly
    return ssl.create_default_context(cafile=HUB_CA_FILE)


def load_layer(name):
    path = os.path.join(LAYER_DIR, f"{name}.geojson")
    with open(path, "rb") as fh:
        raw = fh.read()
    return raw, hashlib.sha256(raw).hexdigest()


def push_layer(name, ctx, token):
    raw, digest = load_layer(name)
    req = urllib.request.Request(
        f"{SYNC_URL}/{name}",
        data=raw,
        method="PUT",
        headers={
            "Content-Type": "application/geo+json",
            "Authorization": f"Bearer {token}",
            "X-Layer-Digest": digest,
        },
    )
    with urllib.request.urlopen(req, context=ctx, timeout=30) as resp:
        body = json.loads(resp.read() or b"{}")
    log.info("pushed %s (%s) -> %s", name, digest[:12], body.get("version"))
    return body


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("layers", nargs="*", default=list(LAYERS))
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

    token = os.environ.get("MDT_SYNC_TOKEN")
    if not token:
        log.error("MDT_SYNC_TOKEN not set")
        return 2
    ctx = build_ssl_context()
    rc = 0
    for layer in args.layers:
        if layer not in LAYERS:
            log.error("unknown layer %r", layer)
            rc = 1
            continue
        try:
            push_layer(layer, ctx, token)
        except OSError as exc:
            log.error("push of %s failed: %s", layer, exc)
            rc = 1
    return rc


if __name__ == "__main__":
    sys.exit(main())
