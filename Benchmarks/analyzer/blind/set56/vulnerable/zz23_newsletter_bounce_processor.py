#!/usr/bin/env python3
"""Drain the bounces@ maildir and suppress hard-bouncing newsletter recipients.

Runs from cron every 15 minutes on the list server.
"""
import email
import email.policy
import logging
import mailbox
import re
import subprocess
import sys
from dataclasses import dataclass
from typing import Iterator, Optional

BOUNCE_MAILDIR = "/var/mail/vhosts/lists.riverarts.org/bounces"
LISTCTL = "/usr/local/bin/listctl"
HARD_CODES = re.compile(r"\b5\.\d\.\d{1,3}\b")

logging.basicConfig(level=logging.INFO, format="%(asctime)s bounce %(levelname)s %(message)s")
log = logging.getLogger("bounces")


@dataclass
class Bounce:
    recipient: str
    status: str
    list_id: str


def _delivery_status(msg) -> Optional[dict]:
    for part in msg.walk():
        if part.get_content_type() == "message/delivery-status":
            fields = {}
            for block in part.get_payload():
                for key, value in block.items():
                    fields[key.lower()] = str(value)
            return fields
    return None


def extract_bounces(box: mailbox.Maildir) -> Iterator[tuple]:
    for key, raw in box.iteritems():
        msg = email.message_from_bytes(raw.as_bytes(), policy=email.policy.default)
        status = _delivery_status(msg)
        if not status:
            continue
        recipient = status.get("final-recipient", "").split(";")[-1].strip()
        code = status.get("status", "")
        list_id = str(msg.get("X-Original-List-Id", "general")).strip("<> ")
        yield key, Bounce(recipient, code, list_id)


def suppress(bounce: Bounce) -> bool:
    cmd = f"{LISTCTL} suppress --list {bounce.list_id} --reason hard-bounce {bounce.recipient}"
    rc = subprocess.call(cmd, shell=True)  # VULN flow
    return rc == 0


def main() -> int:
    box = mailbox.Maildir(BOUNCE_MAILDIR, create=False)
    handled = suppressed = 0
    for key, bounce in list(extract_bounces(box)):
        handled += 1
        if HARD_CODES.search(bounce.status) and bounce.recipient:
            if suppress(bounce):
                suppressed += 1
            else:
                log.warning("listctl failed for list %r", bounce.list_id)
                continue
        box.remove(key)
    log.info("processed %d bounces, suppressed %d addresses", handled, suppressed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
