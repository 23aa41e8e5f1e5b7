"""Poll case status for the firm's pending immigration receipts.

Talks to the case-status aggregator the firm subscribes to and downloads
any newly issued notices (I-797s, RFEs) into the matter's document folder.
"""
import argparse
import logging
import os
import re
import ssl
import urllib.request
from typing import Dict, Iterable

import requests
import urllib3

log = logging.getLogger("case_status")
urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)

RECEIPT_RE = re.compile(r"^(EAC|WAC|LIN|SRC|NBC|MSC|IOE|YSC)\d{10}$")


class CaseStatusClient:
    def __init__(self, base_url: str, api_key: str):
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {api_key}"
        self.session.verify = False  # VULN

    def status(self, receipt: str) -> Dict:
        if not RECEIPT_RE.match(receipt):
            raise ValueError(f"not a receipt number: {receipt!r}")
        resp = self.session.get(f"{self.base_url}/v1/cases/{receipt}", timeout=15)
        resp.raise_for_status()
        return resp.json()

    def download_notice(self, url: str, dest: str) -> str:
        ctx = ssl._create_unverified_context()  # VULN
        with urllib.request.urlopen(url, context=ctx, timeout=30) as resp, open(dest, "wb") as fh:
            fh.write(resp.read())
        return dest


def poll(client: CaseStatusClient, receipts: Iterable[str], notice_dir: str) -> None:
    for receipt in receipts:
        try:
            info = client.status(receipt)
        except (requests.RequestException, ValueError) as exc:
            log.warning("status lookup failed for %r: %s", receipt, type(exc).__name__)
            continue
        log.info("%s: %s", receipt, info.get("status_title"))
        for notice in info.get("notices", []):
            dest = os.path.join(notice_dir, f"{receipt}_{notice['id']}.pdf")
            if not os.path.exists(dest):
                client.download_notice(notice["download_url"], dest)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("receipts_file")
    parser.add_argument("--notice-dir", default="/srv/immigration/notices")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)

    client = CaseStatusClient(os.environ["CASE_STATUS_URL"], os.environ["CASE_STATUS_API_KEY"])
    with open(args.receipts_file, encoding="utf-8") as fh:
        receipts = [line.strip() for line in fh if line.strip()]
    poll(client, receipts, args.notice_dir)


if __name__ == "__main__":
    main()
