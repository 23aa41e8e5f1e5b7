"""Nightly pipeline: load TA-authored grading rubrics into the gradebook DB.

Teaching assistants drop rubric files (YAML) into the course share; this job
validates them and upserts criteria so graders see them the next morning.
"""
import logging
import os
import shutil
import sqlite3
from pathlib import Path

import yaml

log = logging.getLogger("pipeline.rubrics")

INBOX = Path(os.environ.get("RUBRIC_INBOX", "/srv/share/rubrics/inbox"))
PROCESSED = INBOX.parent / "processed"
REJECTED = INBOX.parent / "rejected"
DB_PATH = os.environ.get("GRADEBOOK_DB", "/var/lib/mooc/gradebook.db")

REQUIRED_KEYS = {"assignment", "criteria"}


class RubricError(ValueError):
    pass


def load_rubric(path: Path) -> dict:
    with path.open("r", encoding="utf-8") as fh:
        # rubrics use anchors/aliases to share criteria between assignments
        data = yaml.safe_load(fh)
    if not isinstance(data, dict) or not REQUIRED_KEYS <= data.keys():
        raise RubricError(f"{path.name}: missing {REQUIRED_KEYS - set(data or {})}")
    return data


def validate(rubric: dict) -> list[tuple[str, str, float]]:
    rows = []
    total = 0.0
    for crit in rubric["criteria"]:
        points = float(crit["points"])
        if points < 0:
            raise RubricError(f"negative points in {crit.get('name')}")
        total += points
        rows.append((crit["name"], crit.get("description", ""), points))
    if abs(total - float(rubric.get("max_points", total))) > 1e-6:
        raise RubricError("criteria do not add up to max_points")
    return rows


def upsert(conn: sqlite3.Connection, assignment: str, rows: list[tuple[str, str, float]]) -> None:
    conn.execute("DELETE FROM rubric_criteria WHERE assignment = ?", (assignment,))
    conn.executemany(
        "INSERT INTO rubric_criteria (assignment, name, description, points) VALUES (?, ?, ?, ?)",
        [(assignment, *row) for row in rows],
    )


def run() -> int:
    PROCESSED.mkdir(exist_ok=True)
    REJECTED.mkdir(exist_ok=True)
    imported = 0
    with sqlite3.connect(DB_PATH) as conn:
        for path in sorted(INBOX.glob("*.y*ml")):
            try:
                rubric = load_rubric(path)
                upsert(conn, str(rubric["assignment"]), validate(rubric))
            except (RubricError, yaml.YAMLError, KeyError, TypeError, ValueError) as exc:
                log.warning("rejected %r: %s", path.name, exc)
                shutil.move(str(path), REJECTED / path.name)
                continue
            shutil.move(str(path), PROCESSED / path.name)
            imported += 1
    log.info("imported %d rubrics", imported)
    return imported


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    run()
