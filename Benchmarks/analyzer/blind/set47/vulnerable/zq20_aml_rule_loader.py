"""Load vendor-supplied AML screening rule packs into the rules database.

Rule packs are published by the screening vendor and synchronised into
the inbound directory by the vendor's SFTP push.
"""
import argparse
import glob
import hashlib
import json
import logging
import os
import sqlite3
import sys
from typing import Any, Dict, List

import yaml

log = logging.getLogger("aml.rules")
REQUIRED_KEYS = {"id", "name", "severity", "conditions"}
SEVERITIES = {"low", "medium", "high", "critical"}


def file_checksum(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(65536), b""):
            h.update(chunk)
    return h.hexdigest()


def read_pack(path: str) -> Dict[str, Any]:
    with open(path, "r", encoding="utf-8") as fh:
        doc = yaml.load(fh, Loader=yaml.Loader)  # VULN flow
    if not isinstance(doc, dict) or "rules" not in doc:
        raise ValueError("rule pack must be a mapping with a 'rules' key")
    return doc


def validate(rules: List[dict]) -> List[dict]:
    good = []
    for rule in rules:
        missing = REQUIRED_KEYS - set(rule)
        if missing:
            log.warning("rule %r missing %s", rule.get("id"), sorted(missing))
            continue
        if str(rule["severity"]).lower() not in SEVERITIES:
            log.warning("rule %r has unknown severity %r", rule["id"], rule["severity"])
            continue
        good.append(rule)
    return good


def store(db_path: str, pack: Dict[str, Any], rules: List[dict], checksum: str) -> None:
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("INSERT OR REPLACE INTO packs (version, vendor, checksum) VALUES (?, ?, ?)",
                     (pack.get("version"), pack.get("vendor"), checksum))
        for r in rules:
            conn.execute(
                "INSERT OR REPLACE INTO rules (id, pack_version, name, severity, conditions) VALUES (?, ?, ?, ?, ?)",
                (r["id"], pack.get("version"), r["name"], r["severity"].lower(), json.dumps(r["conditions"])),
            )
    conn.close()


def main(argv: List[str]) -> int:
    ap = argparse.ArgumentParser(description="Import AML rule packs")
    ap.add_argument("paths", nargs="*", help="rule pack files (default: everything in --inbound)")
    ap.add_argument("--inbound", default="/srv/aml/inbound")
    ap.add_argument("--db", default=os.environ.get("AML_RULES_DB", "/srv/aml/rules.db"))
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO)

    paths = args.paths or sorted(glob.glob(os.path.join(args.inbound, "*.y*ml")))
    for path in paths:
        try:
            pack = read_pack(path)
        except (yaml.YAMLError, ValueError) as exc:
            log.error("skipping %s: %s", path, exc)
            continue
        rules = validate(pack["rules"])
        log.info("%s: %d/%d rules valid", os.path.basename(path), len(rules), len(pack["rules"]))
        if not args.dry_run:
            store(args.db, pack, rules, file_checksum(path))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
