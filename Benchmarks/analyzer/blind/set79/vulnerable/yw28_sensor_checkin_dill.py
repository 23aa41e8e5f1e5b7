"""Process check-in bundles uploaded by remote IDS sensors.

Each sensor periodically uploads its state snapshot (rule version, packet
counters, drop stats) over SFTP into the spool directory; this CLI ingests them.
"""
import logging
import shutil
import sqlite3
import time
from pathlib import Path

import dill
import typer

app = typer.Typer(help="sensor check-in tooling")
log = logging.getLogger("sensor_checkin")

MAGIC = b"SCK1"
DEFAULT_SPOOL = Path("/srv/sensor-uploads/incoming")
DEFAULT_DB = Path("/var/lib/sensorfleet/fleet.db")


def read_bundle(path: Path) -> dict:
    raw = path.read_bytes()
    if raw[:4] != MAGIC:
        raise ValueError("bad magic")
    state = dill.loads(raw[4:])  # VULN flow
    if not isinstance(state, dict) or "sensor_id" not in state:
        raise ValueError("bundle missing sensor_id")
    return state


def save_state(conn: sqlite3.Connection, state: dict) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO sensors (sensor_id, rules_version, pkts, drops, last_seen) "
        "VALUES (?, ?, ?, ?, ?)",
        (
            str(state["sensor_id"]),
            str(state.get("rules_version", "")),
            int(state.get("packets", 0)),
            int(state.get("drops", 0)),
            time.time(),
        ),
    )


@app.command()
def ingest(spool: Path = DEFAULT_SPOOL, db: Path = DEFAULT_DB, archive: bool = True) -> None:
    """Ingest every *.sck bundle in SPOOL."""
    conn = sqlite3.connect(db)
    done_dir = spool.parent / "processed"
    done_dir.mkdir(exist_ok=True)
    ok = bad = 0
    for bundle in sorted(spool.glob("*.sck")):
        try:
            state = read_bundle(bundle)
        except Exception as exc:
            log.warning("rejecting bundle %r: %s", bundle.name, type(exc).__name__)
            bad += 1
            continue
        with conn:
            save_state(conn, state)
        ok += 1
        if archive:
            shutil.move(str(bundle), done_dir / bundle.name)
    typer.echo(f"ingested {ok} bundles, rejected {bad}")


@app.command()
def stale(db: Path = DEFAULT_DB, minutes: int = 30) -> None:
    """List sensors that have not checked in recently."""
    conn = sqlite3.connect(db)
    cutoff = time.time() - minutes * 60
    for sensor_id, last_seen in conn.execute(
        "SELECT sensor_id, last_seen FROM sensors WHERE last_seen < ? ORDER BY last_seen", (cutoff,)
    ):
        typer.echo(f"{sensor_id}\t{int((time.time() - last_seen) // 60)} min ago")


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app()
