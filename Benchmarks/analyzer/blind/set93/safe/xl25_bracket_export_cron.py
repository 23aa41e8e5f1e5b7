"""Cron job: build downloadable bracket export bundles requested by organisers."""
import csv
import json
import logging
import os
import re
import sqlite3
import subprocess
import sys

log = logging.getLogger("bracket_export")

DB = os.environ.get("ARENA_DB", "/var/lib/arena/arena.db")
EXPORT_ROOT = os.environ.get("EXPORT_ROOT", "/srv/exports")
BUNDLE_RE = re.compile(r"[^A-Za-z0-9_-]+")


def pending_requests(conn):
    return conn.execute(
        "SELECT r.id, r.tournament_id, r.bundle_name, t.name "
        "FROM export_requests r JOIN tournaments t ON t.id = r.tournament_id "
        "WHERE r.status = 'pending' ORDER BY r.id LIMIT 20"
    ).fetchall()


def write_bracket_files(conn, tournament_id: int, workdir: str) -> None:
    matches = conn.execute(
        "SELECT round, slot, team_a, team_b, score_a, score_b FROM matches "
        "WHERE tournament_id = ? ORDER BY round, slot", (tournament_id,)
    ).fetchall()
    with open(os.path.join(workdir, "matches.csv"), "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["round", "slot", "team_a", "team_b", "score_a", "score_b"])
        w.writerows(matches)
    with open(os.path.join(workdir, "bracket.json"), "w") as fh:
        json.dump([dict(zip(("round", "slot", "a", "b", "sa", "sb"), m)) for m in matches], fh)


def build_bundle(conn, req) -> str:
    req_id, tournament_id, bundle_name, _title = req
    safe_name = BUNDLE_RE.sub("_", bundle_name).strip("_")[:64] or f"export_{req_id}"
    workdir = os.path.join(EXPORT_ROOT, "work", safe_name)
    os.makedirs(workdir, exist_ok=True)
    write_bracket_files(conn, tournament_id, workdir)
    archive = os.path.join(EXPORT_ROOT, f"{safe_name}.zip")
    cmd = ["zip", "-qr", archive, "."]
    rc = subprocess.run(cmd, cwd=workdir, timeout=300).returncode
    if rc != 0:
        raise RuntimeError(f"zip exited with {rc}")
    return archive


def main() -> int:
    logging.basicConfig(level=logging.INFO)
    conn = sqlite3.connect(DB)
    failures = 0
    for req in pending_requests(conn):
        try:
            path = build_bundle(conn, req)
            conn.execute("UPDATE export_requests SET status='done', path=? WHERE id=?", (path, req[0]))
        except Exception as exc:
            failures += 1
            log.error("export %d failed: %r", req[0], exc)
            conn.execute("UPDATE export_requests SET status='failed' WHERE id=?", (req[0],))
        conn.commit()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
