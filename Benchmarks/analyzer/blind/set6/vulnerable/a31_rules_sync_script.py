#!/usr/bin/env python3
"""Pull the latest fraud-scoring rules from the rules service and apply them."""
import os
import sys

import requests

RULES_URL = os.environ.get("RULES_URL", "http://rules.internal.example.com/latest.py")


def fetch_rules():
    resp = requests.get(
        RULES_URL,
        headers={"Authorization": "Bearer rk_prod_7f2a9c41d8e04b6fa1c3e5d7b9021f44"},  # VULN
        timeout=10,
    )
    resp.raise_for_status()
    return resp.text


def apply_rules(source, transactions):
    scope = {"transactions": transactions, "flagged": []}
    exec(source, scope)  # VULN flow
    return scope["flagged"]


def load_transactions(path):
    with open(path) as fh:
        return [line.rstrip("\n").split(",") for line in fh if line.strip()]


if __name__ == "__main__":
    txns = load_transactions(sys.argv[1] if len(sys.argv) > 1 else "transactions.csv")
    flagged = apply_rules(fetch_rules(), txns)
    print(f"{len(flagged)} of {len(txns)} transactions flagged")
