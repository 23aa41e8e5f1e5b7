"""Import queen-rearing schedules submitted by club members.

Members fill in the YAML template (graft date, cell-raiser colony, mating
apiary) and email it to rearing@; the mail hook drops attachments into an
inbox folder which this command processes.
"""
import datetime as dt
import logging
import pathlib
import shutil
import sqlite3

import click
import yaml

log = logging.getLogger("rearing_import")

REQUIRED = ("member", "graft_date", "cell_raiser", "cells")


def load_schedule(path: pathlib.Path) -> dict:
    with open(path, "r", encoding="utf-8") as fh:
        doc = yaml.safe_load(fh)
    if not isinstance(doc, dict):
        raise ValueError("schedule must be a mapping")
    missing = [k for k in REQUIRED if k not in doc]
    if missing:
        raise ValueError("missing fields: %s" % ", ".join(missing))
    return doc


def milestones(graft_date: dt.date) -> dict:
    """Standard timetable counted from the day of grafting (day 0)."""
    return {
        "cells_capped": graft_date + dt.timedelta(days=5),
        "move_to_nucs": graft_date + dt.timedelta(days=10),
        "emergence": graft_date + dt.timedelta(days=11),
        "check_laying": graft_date + dt.timedelta(days=25),
    }


def save(conn: sqlite3.Connection, doc: dict) -> None:
    graft = doc["graft_date"]
    if isinstance(graft, str):
        graft = dt.date.fromisoformat(graft)
    with conn:
        for name, due in milestones(graft).items():
            conn.execute(
                "INSERT INTO rearing_tasks (member, cell_raiser, task, due, cells) VALUES (?, ?, ?, ?, ?)",
                (str(doc["member"]), str(doc["cell_raiser"]), name, due.isoformat(), int(doc["cells"])),
            )


@click.command()
@click.argument("inbox", type=click.Path(exists=True, file_okay=False, path_type=pathlib.Path))
@click.option("--db", default="/var/lib/apiary/rearing.db", show_default=True)
@click.option("--archive", type=click.Path(file_okay=False, path_type=pathlib.Path), default=None)
def import_schedules(inbox: pathlib.Path, db: str, archive):
    """Process every *.yaml schedule in INBOX."""
    logging.basicConfig(level=logging.INFO)
    conn = sqlite3.connect(db)
    ok = bad = 0
    for path in sorted(inbox.glob("*.y*ml")):
        try:
            doc = load_schedule(path)
            save(conn, doc)
            ok += 1
        except Exception as exc:
            log.warning("could not import %r: %r", path.name, exc)
            bad += 1
            continue
        if archive:
            archive.mkdir(parents=True, exist_ok=True)
            shutil.move(str(path), str(archive / path.name))
    click.echo("imported %d schedules, %d rejected" % (ok, bad))


if __name__ == "__main__":
    import_schedules()
