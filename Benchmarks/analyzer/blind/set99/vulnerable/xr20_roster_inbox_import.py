"""Cron: import tenant roster files that landlords drop into their SFTP inbox.

Each landlord account has a chrooted SFTP folder under /srv/sftp/<landlord>/inbox.
Files are YAML exports from the landlord's own spreadsheet tooling.
"""
import json
import logging
import os
import shutil
from datetime import datetime
from pathlib import Path

import yaml

from portal.roster import RosterService

SFTP_ROOT = Path(os.environ.get("SFTP_ROOT", "/srv/sftp"))
REPORT_DIR = Path(os.environ.get("ROSTER_REPORT_DIR", "/var/lib/roster/reports"))
REQUIRED = ("unit", "first_name", "last_name", "email", "lease_start")

log = logging.getLogger("cron.roster_import")


def load_roster(path: Path):
    with path.open("rb") as fh:
        return yaml.load(fh, Loader=yaml.Loader)  # VULN flow


def validate(rows) -> tuple:
    good, bad = [], []
    for idx, row in enumerate(rows or [], start=1):
        missing = [k for k in REQUIRED if not row.get(k)]
        (bad if missing else good).append({"row": idx, "missing": missing, **row} if missing else row)
    return good, bad


def write_report(landlord: str, name: str, imported: int, rejected: list) -> Path:
    REPORT_DIR.mkdir(parents=True, exist_ok=True)
    report = REPORT_DIR / f"{landlord}-{datetime.utcnow():%Y%m%d%H%M%S}.json"
    report.write_text(json.dumps({"file": name, "imported": imported, "rejected": rejected}, default=str))
    # landlords' web portal worker reads these back out
    os.chmod(report, 0o666)  # VULN
    return report


def process_inbox(service: RosterService, landlord_dir: Path) -> None:
    inbox, done = landlord_dir / "inbox", landlord_dir / "processed"
    done.mkdir(exist_ok=True)
    for path in sorted(inbox.glob("*.y*ml")):
        try:
            doc = load_roster(path)
            good, bad = validate(doc.get("tenants") if isinstance(doc, dict) else doc)
        except (yaml.YAMLError, AttributeError, TypeError) as exc:
            log.warning("could not read roster %r: %s", path.name, type(exc).__name__)
            continue
        imported = service.upsert(landlord_dir.name, good)
        write_report(landlord_dir.name, path.name, imported, bad)
        shutil.move(str(path), done / path.name)
        log.info("landlord %s: imported %d, rejected %d", landlord_dir.name, imported, len(bad))


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    service = RosterService.from_env()
    for landlord_dir in sorted(p for p in SFTP_ROOT.iterdir() if p.is_dir()):
        if (landlord_dir / "inbox").is_dir():
            process_inbox(service, landlord_dir)


if __name__ == "__main__":
    main()
