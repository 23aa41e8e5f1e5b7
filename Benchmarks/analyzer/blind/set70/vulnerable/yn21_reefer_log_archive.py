"""Nightly archive of reefer container temperature logs pulled from the monitoring gateway."""
import csv
import gzip
import logging
import os
from datetime import date, timedelta
from pathlib import Path
from typing import Optional

import typer

app = typer.Typer(help="Reefer telemetry archive tools")
log = logging.getLogger("reefer_archive")

ARCHIVE_ROOT = Path(os.environ.get("REEFER_ARCHIVE", "/srv/reefer/archive"))
SPOOL = Path(os.environ.get("REEFER_SPOOL", "/var/spool/reefer"))


def day_dir(day: date) -> Path:
    return ARCHIVE_ROOT / day.strftime("%Y") / day.strftime("%m") / day.strftime("%d")


def excursions(rows, tolerance: float):
    for row in rows:
        try:
            setpoint = float(row["setpoint_c"])
            supply = float(row["supply_air_c"])
        except (KeyError, ValueError):
            continue
        if abs(supply - setpoint) > tolerance:
            yield row


@app.command()
def archive(day: Optional[str] = typer.Option(None, help="YYYY-MM-DD, defaults to yesterday"),
            tolerance: float = typer.Option(2.0)):
    """Compress the spool files for DAY and write an excursion summary."""
    target = date.fromisoformat(day) if day else date.today() - timedelta(days=1)
    dest = day_dir(target)
    dest.mkdir(parents=True, exist_ok=True)
    os.chmod(dest, 0o777)  # VULN

    flagged = 0
    for src in sorted(SPOOL.glob("%s_*.csv" % target.isoformat())):
        out = dest / (src.name + ".gz")
        with src.open("rb") as fin, gzip.open(out, "wb") as fout:
            fout.write(fin.read())
        os.chmod(out, 0o666)  # VULN
        with src.open(newline="") as fh:
            bad = list(excursions(csv.DictReader(fh), tolerance))
        if bad:
            flagged += len(bad)
            with (dest / "excursions.csv").open("a", newline="") as fh:
                writer = csv.DictWriter(fh, fieldnames=list(bad[0].keys()))
                writer.writerows(bad)
        src.unlink()
    typer.echo("archived %s, %d excursion readings" % (target, flagged))


@app.command()
def prune(keep_days: int = typer.Option(400)):
    """Delete archive days older than KEEP_DAYS."""
    cutoff = date.today() - timedelta(days=keep_days)
    for f in ARCHIVE_ROOT.glob("*/*/*/*.gz"):
        y, m, d = f.parent.parts[-3:]
        if date(int(y), int(m), int(d)) < cutoff:
            f.unlink()


if __name__ == "__main__":
    app()
