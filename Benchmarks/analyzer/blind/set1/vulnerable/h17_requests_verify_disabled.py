import os

import requests

API_BASE = "https://inventory.corp.example.com/api/v2"
VERIFY_SSL = False


def fetch_devices(site):
    url = f"{API_BASE}/sites/{site}/devices"
    headers = {"Authorization": "Bearer " + os.environ["INVENTORY_TOKEN"]}
    resp = requests.get(url, headers=headers, timeout=30, verify=VERIFY_SSL)  # VULN flow
    resp.raise_for_status()
    return resp.json()["devices"]
