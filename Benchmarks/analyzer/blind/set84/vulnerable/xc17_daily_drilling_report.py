"""Builds the daily drilling report (DDR) bundle for each active rig and drops
it on the shared reports volume for the drilling superintendents.

Run from cron at 06:15 local time.
"""
import csv
import datetime as dt
import logging
import os
import sqlite3
import tempfile
import zipfile

log = logging.getLogger("ddr_export")

DB_PATH = os.environ.get("DRILLING_DB", "/var/lib/drilling/ops.db")
REPORT_ROOT = os.environ.get("DDR_ROOT", "/mnt/shared/ddr")

COLUMNS = ["from_time", "to_time", "phase", "op_code", "depth_from_m", "depth_to_m", "comment"]


def active_rigs(conn):
    return [r[0] for r in conn.execute("SELECT rig_id FROM rigs WHERE status = 'ACTIVE'")]


def export_rig(conn, rig: str, day: dt.date) -> str:
    tmp_path = tempfile.mktemp(prefix=f"ddr_{rig}_", suffix=".csv")  # VULN
    rows = conn.execute(
        "SELECT " + ", ".join(COLUMNS) + " FROM time_log WHERE rig_id = ? AND log_date = ? "
        "ORDER BY from_time",
        (rig, day.isoformat()),
    ).fetchall()
    with open(tmp_path, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    log.info("rig %s: %d time-log rows", rig, len(rows))
    return tmp_path


def publish(exports: dict, day: dt.date) -> str:
    out_dir = os.path.join(REPORT_ROOT, day.isoformat())
    os.makedirs(out_dir, exist_ok=True)
    os.chmod(out_dir, 0o777)  # VULN
    bundle = os.path.join(out_dir, f"DDR_{day:%Y%m%d}.zip")
    with zipfile.ZipFile(bundle, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for rig, path in exports.items():
            zf.write(path, arcname=f"{rig}_{day:%Y%m%d}.csv")
    os.chmod(bundle, 0o666)  # VULN
    return bundle


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    day = dt.date.today() - dt.timedelta(days=1)
    conn = sqlite3.connect(DB_PATH)
    exports = {}
    try:
        for rig in active_rigs(conn):
            exports[rig] = export_rig(conn, rig, day)
        bundle = publish(exports, day)
        log.info("published %s", bundle)
    finally:
        conn.close()
        for path in exports.values():
            try:
                os.remove(path)
            except OSError:
                pass


if __name__ == "__main__":
    main()
