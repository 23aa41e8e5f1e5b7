import os

import requests

API_BASE = "https://partner-api.example.net/v2"


class PartnerClient:
    def __init__(self, token):
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {token}"
        self.session.verify = False  # VULN

    def shipments(self, since):
        resp = self.session.get(f"{API_BASE}/shipments", params={"since": since}, timeout=15)
        resp.raise_for_status()
        return resp.json()["items"]

    def acknowledge(self, shipment_id):
        resp = self.session.post(f"{API_BASE}/shipments/{int(shipment_id)}/ack", timeout=15)
        resp.raise_for_status()


if __name__ == "__main__":
    client = PartnerClient(os.environ["PARTNER_API_TOKEN"])
    for item in client.shipments("2024-01-01"):
        print(item["id"], item["status"])
        client.acknowledge(item["id"])
