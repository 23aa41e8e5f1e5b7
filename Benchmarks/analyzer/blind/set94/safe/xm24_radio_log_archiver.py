#!/usr/bin/env python3
"""Cron job: archive yesterday's radio recordings per talkgroup and prune the spool."""
import logging
import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import date, timedelta

log = logging.getLogger("radio.archiver")

SPOOL = os.environ.get("RADIO_SPOOL", "/srv/radio/spool")
ARCHIVE = os.environ.get("RADIO_ARCHIVE", "/mnt/nas/radio-archive")
TG_DB = os.environ.get("TALKGROUP_DB", "/var/lib/radio/talkgroups.db")


def talkgroups():
    """Talkgroup aliases are maintained by radio admins in the console UI."""
    conn = sqlite3.connect(TG_DB)
    try:
        return [r[0] for r in conn.execute("SELECT alias FROM talkgroups WHERE archived = 1")]
    finally:
        conn.close()


def archive_name(alias, day):
    return os.path.join(ARCHIVE, day.strftime("%Y/%m"), f"{alias}_{day:%Y%m%d}.tar.gz")


def archive_talkgroup(alias, day):
    if os.path.basename(alias) != alias or alias in ("", ".", ".."):
        log.error("refusing odd talkgroup alias %r", alias)
        return False
    src_dir = os.path.join(SPOOL, day.isoformat())
    if not os.path.isdir(os.path.join(src_dir, alias)):
        log.info("nothing recorded for %r on %s", alias, day)
        return True
    dest = archive_name(alias, day)
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    cmd = ["tar", "-czf", dest, "-C", src_dir, "--", alias]
    log.debug("running: %r", cmd)
    rc = subprocess.run(cmd).returncode
    if rc != 0:
        log.error("tar failed for %r (rc=%s)", alias, rc)
        return False
    return True


def prune(day):
    src_dir = os.path.join(SPOOL, day.isoformat())
    if os.path.isdir(src_dir):
        shutil.rmtree(src_dir)
        log.info("pruned %s", src_dir)


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    day = date.today() - timedelta(days=1)
    ok = True
    for alias in talkgroups():
        ok = archive_talkgroup(alias, day) and ok
    if ok:
        prune(day)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
