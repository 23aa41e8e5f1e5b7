#!/usr/bin/env python3
"""Send calendar invites for interviews confirmed in the ATS.

Run from cron every 10 minutes:
    interview_invites.py --since 15m --ics-dir /var/spool/invites
"""
import argparse
import logging
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone

import requests

ATS_API = os.environ.get("ATS_API", "https://ats.internal.example.com/api/v2")
ATS_TOKEN = os.environ.get("ATS_TOKEN", "")
BODY_TEMPLATE = "/etc/interview-invites/body.txt"

log = logging.getLogger("invites")


def fetch_confirmed(since: timedelta):
    cutoff = (datetime.now(timezone.utc) - since).isoformat()
    resp = requests.get(
        f"{ATS_API}/interviews",
        params={"status": "confirmed", "updated_after": cutoff},
        headers={"Authorization": f"Bearer {ATS_TOKEN}"},
        timeout=20,
    )
    resp.raise_for_status()
    return resp.json()["items"]


def write_ics(invite: dict, ics_dir: str) -> str:
    path = os.path.join(ics_dir, f"interview-{int(invite['id'])}.ics")
    with open(path, "w") as fh:
        fh.write("BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\n")
        fh.write(f"DTSTART:{invite['start_utc']}\nDTEND:{invite['end_utc']}\n")
        fh.write(f"SUMMARY:Interview - {invite['position']}\n")
        fh.write("END:VEVENT\nEND:VCALENDAR\n")
    return path


def build_mail_command(invite: dict, ics_path: str) -> str:
    subject = f"Interview: {invite['position']} with {invite['candidate_name']}"
    return (f'mutt -s "{subject}" -a {ics_path} -- '
            f'{invite["candidate_email"]} < {BODY_TEMPLATE}')


def send_invite(invite: dict, ics_dir: str, dry_run: bool) -> None:
    ics_path = write_ics(invite, ics_dir)
    cmd = build_mail_command(invite, ics_path)
    if dry_run:
        print(cmd)
        return
    subprocess.run(cmd, shell=True, check=True)  # VULN flow


def parse_window(value: str) -> timedelta:
    unit = value[-1]
    amount = int(value[:-1])
    return {"m": timedelta(minutes=amount), "h": timedelta(hours=amount)}[unit]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--since", default="15m", type=parse_window)
    ap.add_argument("--ics-dir", default="/var/spool/invites")
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

    failures = 0
    for invite in fetch_confirmed(args.since):
        try:
            send_invite(invite, args.ics_dir, args.dry_run)
        except subprocess.CalledProcessError as exc:
            failures += 1
            log.error("invite %s failed with exit code %s", invite.get("id"), exc.returncode)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
