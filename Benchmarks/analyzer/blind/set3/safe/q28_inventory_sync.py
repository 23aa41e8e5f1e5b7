import logging
import os

import requests

INVENTORY_API = "https://inventory.corp.local/api/v2"
CORP_CA_BUNDLE = "/etc/ssl/certs/corp-root-ca.pem"
log = logging.getLogger("inventory-sync")


def push_inventory(records):
    session = requests.Session()
    session.headers["Authorization"] = f"Token {os.environ['INVENTORY_TOKEN']}"
    session.verify = CORP_CA_BUNDLE
    resp = session.post(f"{INVENTORY_API}/hosts/bulk", json=records, timeout=30)
    resp.raise_for_status()
    result = resp.json()
    log.info("synced %d hosts (%d created)", len(records), result.get("created", 0))
    return result


if __name__ == "__main__":
    import json
    import sys

    with open(sys.argv[1]) as fh:
        push_inventory(json.load(fh))
