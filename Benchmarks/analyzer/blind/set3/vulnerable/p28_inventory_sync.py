import logging
import os

import requests

INVENTORY_API = "https://inventory.corp.local/api/v2"
log = logging.getLogger("inventory-sync")


def push_inventory(records):
    session = requests.Session()
    session.headers["Authorization"] = f"Token {os.environ['INVENTORY_TOKEN']}"
    resp = session.post(f"{INVENTORY_API}/hosts/bulk", json=records, timeout=30, verify=False)  # VULN
    resp.raise_for_status()
    result = resp.json()
    log.info("synced %d hosts (%d created)", len(records), result.get("created", 0))
    return result


if __name__ == "__main__":
    import json
    import sys

    with open(sys.argv[1]) as fh:
        push_inventory(json.load(fh))
