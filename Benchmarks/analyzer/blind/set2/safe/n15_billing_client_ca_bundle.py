import os

import requests

CA_BUNDLE = os.environ.get("BILLING_CA_BUNDLE", "/etc/ssl/certs/internal-ca.pem")


class BillingClient:
    def __init__(self, base_url, api_key, ca_bundle=CA_BUNDLE):
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.verify = ca_bundle
        self.session.headers.update({"Authorization": f"Bearer {api_key}"})

    def create_invoice(self, customer_id, amount_cents, currency="EUR"):
        payload = {"customer": customer_id, "amount": amount_cents, "currency": currency}
        resp = self.session.post(f"{self.base_url}/v1/invoices", json=payload, timeout=10)
        resp.raise_for_status()
        return resp.json()["id"]


if __name__ == "__main__":
    client = BillingClient(os.environ["BILLING_URL"], os.environ["BILLING_API_KEY"])
    print(client.create_invoice("cus_123", 4999))
