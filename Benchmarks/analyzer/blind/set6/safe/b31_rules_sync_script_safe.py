#!/usr/bin/env python3
"""Pull the latest fraud-scoring thresholds from the rules service and apply them."""
import importlib
import os
import sys

import requests

RULES_URL = "https://rules.internal.example.com/v2/thresholds.json"
RULE_MODULES = {"velocity": "fraud.rules.velocity", "geo": "fraud.rules.geo", "amount": "fraud.rules.amount"}


def fetch_thresholds():
    resp = requests.get(RULES_URL, headers={"Authorization": f"Bearer {os.environ['RULES_TOKEN']}"}, timeout=10)
    resp.raise_for_status()
    return resp.json()


def apply_rules(config, transactions):
    flagged = []
    for name in config.get("enabled", []):
        if name not in RULE_MODULES:
            continue  # unknown rule names from the service are ignored
        rule = importlib.import_module(RULE_MODULES[name])
        flagged.extend(rule.check(transactions, **config.get("params", {}).get(name, {})))
    return flagged


def load_transactions(path):
    with open(path) as fh:
        return [line.rstrip("\n").split(",") for line in fh if line.strip()]


if __name__ == "__main__":
    txns = load_transactions(sys.argv[1] if len(sys.argv) > 1 else "transactions.csv")
    flagged = apply_rules(fetch_thresholds(), txns)
    print(f"{len(flagged)} of {len(txns)} transactions flagged")
