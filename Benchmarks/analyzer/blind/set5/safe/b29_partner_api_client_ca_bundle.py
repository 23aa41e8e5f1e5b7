import os
import random
import time

import requests

API_BASE = "https://partner-api.example.net/v2"


class PartnerClient:
    def __init__(self, token):
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {token}"
        self.session.verify = os.environ.get("PARTNER_CA_BUNDLE", True)

    def shipments(self, since, attempts=4):
        for attempt in range(attempts):
            try:
                resp = self.session.get(f"{API_BASE}/shipments", params={"since": since}, timeout=15)
                resp.raise_for_status()
                return resp.json()["items"]
            except requests.RequestException:
                if attempt == attempts - 1:
                    raise
                time.sleep(min(30, 2 ** attempt) + random.uniform(0, 1))
        return []


if __name__ == "__main__":
    client = PartnerClient(os.environ["PARTNER_API_TOKEN"])
    for item in client.shipments("2024-01-01"):
        print(item["id"], item["status"])
