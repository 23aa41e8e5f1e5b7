import os

import requests

VAULT_ADDR = os.environ.get("VAULT_ADDR", "https://vault.internal.example.com:8200")


class VaultClient:
    def __init__(self, token=None, namespace=None):
        self.session = requests.Session()
        self.session.verify = os.environ.get("CA_BUNDLE", True)
        self.session.headers["X-Vault-Token"] = token or os.environ["VAULT_TOKEN"]
        if namespace:
            self.session.headers["X-Vault-Namespace"] = namespace

    def read_secret(self, mount, path):
        resp = self.session.get(f"{VAULT_ADDR}/v1/{mount}/data/{path}", timeout=10)
        resp.raise_for_status()
        return resp.json()["data"]["data"]

    def renew_self(self, increment="1h"):
        resp = self.session.post(
            f"{VAULT_ADDR}/v1/auth/token/renew-self",
            json={"increment": increment},
            timeout=10,
        )
        resp.raise_for_status()
        return resp.json()["auth"]["lease_duration"]


def database_credentials():
    client = VaultClient()
    creds = client.read_secret("secret", "apps/billing/db")
    return creds["username"], creds["password"]
