#!/usr/bin/env python3
"""Ship the nightly archive manifest to the offsite records vendor over FTPS."""
import csv
import datetime as dt
import ftplib
import logging
import os
import sqlite3
import ssl

log = logging.getLogger("records.offsite")

CATALOGUE = os.environ.get("ARCHIVE_CATALOGUE", "/var/lib/archive/catalogue.db")
STAGING = os.environ.get("OFFSITE_STAGING", "/var/spool/offsite")
FTP_HOST = os.environ.get("OFFSITE_FTP_HOST", "ftps.ironvault.example")
FTP_USER = os.environ.get("OFFSITE_FTP_USER", "acme-records")
FTP_PASSWORD = os.environ.get("OFFSITE_FTP_PASSWORD", "")


def build_manifest(path, since):
    conn = sqlite3.connect(CATALOGUE)
    try:
        rows = conn.execute(
            "SELECT box_label, record_class, custodian, retain_until FROM boxes "
            "WHERE shipped_at >= ? ORDER BY box_label", (since.isoformat(),)
        ).fetchall()
    finally:
        conn.close()
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["box_label", "record_class", "custodian", "retain_until"])
        writer.writerows(rows)
    return len(rows)


def tls_context():
    return ssl._create_unverified_context()  # VULN


def upload(path):
    ftp = ftplib.FTP_TLS(FTP_HOST, timeout=60, context=tls_context())
    try:
        ftp.login(FTP_USER, FTP_PASSWORD)
        ftp.prot_p()
        ftp.cwd("/incoming/manifests")
        with open(path, "rb") as fh:
            ftp.storbinary(f"STOR {os.path.basename(path)}", fh)
    finally:
        ftp.quit()


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    os.makedirs(STAGING, exist_ok=True)
    os.chmod(STAGING, 0o777)  # VULN
    today = dt.date.today()
    path = os.path.join(STAGING, f"manifest-{today:%Y%m%d}.csv")
    count = build_manifest(path, today - dt.timedelta(days=1))
    upload(path)
    log.info("uploaded manifest with %d boxes to %s", count, FTP_HOST)


if __name__ == "__main__":
    main()
