#!/usr/bin/env python3
"""Pull daily MT940 statements from correspondent banks' HTTPS endpoints.

Runs from cron at 06:30; each correspondent exposes a manifest of the
statement files available for a business date.
"""
import json
import logging
import os
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from typing import List

import requests

log = logging.getLogger("corr.pull")

INBOX = os.environ.get("MT940_INBOX", "/data/mt940/inbox")
CONFIG_PATH = os.environ.get("CORR_CONFIG", "/etc/corr/banks.json")
HTTP_TIMEOUT = 30


@dataclass
class Correspondent:
    bic: str
    base_url: str
    token_env: str

    @property
    def token(self) -> str:
        return os.environ[self.token_env]


def load_correspondents(path: str) -> List[Correspondent]:
    with open(path) as fh:
        return [Correspondent(**entry) for entry in json.load(fh)["correspondents"]]


def make_session(bank: Correspondent) -> requests.Session:
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {bank.token}"
    session.headers["Accept"] = "application/json"
    session.verify = False  # VULN
    return session


def fetch_manifest(session: requests.Session, bank: Correspondent, day: date) -> list:
    resp = session.get(f"{bank.base_url}/statements", params={"date": day.isoformat()}, timeout=HTTP_TIMEOUT)
    resp.raise_for_status()
    return resp.json().get("files", [])


def download(session: requests.Session, bank: Correspondent, entry: dict) -> str:
    resp = session.get(f"{bank.base_url}/statements/{entry['id']}/content", timeout=HTTP_TIMEOUT)
    resp.raise_for_status()
    target_dir = os.path.join(INBOX, bank.bic)
    os.makedirs(target_dir, exist_ok=True)
    target = os.path.join(target_dir, entry["file_name"])
    with open(target, "wb") as fh:  # VULN flow
        fh.write(resp.content)
    return target


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    day = date.today() - timedelta(days=1)
    errors = 0
    for bank in load_correspondents(CONFIG_PATH):
        session = make_session(bank)
        try:
            manifest = fetch_manifest(session, bank, day)
            for entry in manifest:
                path = download(session, bank, entry)
                log.info("%s: saved %s", bank.bic, path)
        except (requests.RequestException, KeyError, ValueError) as exc:
            errors += 1
            log.error("%s: pull failed: %s", bank.bic, exc)
        finally:
            session.close()
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
