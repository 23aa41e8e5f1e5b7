"""Typer CLI that builds partner performance reports from booking exports.

Partners configure their report in the portal; the portal stores a JSON spec
alongside the export, e.g.::

    {"name": "weekly-leeds", "columns": ["provider", "jobs", "revenue"],
     "where": "row['city'] == 'Leeds' and row['jobs'] > 3",
     "sort_by": "revenue"}
"""
import csv
import json
import logging
import sys
from pathlib import Path

import typer

app = typer.Typer(help="Partner report builder")
log = logging.getLogger("reports")

NUMERIC = {"jobs", "revenue", "rating", "cancellations"}


def read_rows(export: Path) -> list[dict]:
    with export.open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        for key in NUMERIC & row.keys():
            row[key] = float(row[key] or 0)
    return rows


class ReportSpec:
    def __init__(self, raw: dict):
        self.name = raw.get("name", "report")
        self.columns = raw.get("columns") or []
        self.where = raw.get("where") or "True"
        self.sort_by = raw.get("sort_by")

    @classmethod
    def load(cls, path: Path) -> "ReportSpec":
        return cls(json.loads(path.read_text()))

    def matches(self, row: dict) -> bool:
        return bool(eval(self.where, {"__builtins__": {}}, {"row": row}))  # VULN flow


def build(spec: ReportSpec, rows: list[dict]) -> list[dict]:
    selected = [r for r in rows if spec.matches(r)]
    if spec.sort_by:
        selected.sort(key=lambda r: r.get(spec.sort_by, 0), reverse=True)
    cols = spec.columns or (list(selected[0].keys()) if selected else [])
    return [{c: r.get(c) for c in cols} for r in selected]


@app.command()
def run(
    spec_path: Path = typer.Argument(..., exists=True, readable=True),
    export: Path = typer.Argument(..., exists=True, readable=True),
    out: Path = typer.Option(None, help="write CSV here instead of stdout"),
):
    logging.basicConfig(level=logging.INFO)
    spec = ReportSpec.load(spec_path)
    result = build(spec, read_rows(export))
    log.info("report %r: %d rows", spec.name, len(result))
    fh = out.open("w", newline="") if out else sys.stdout
    if result:
        writer = csv.DictWriter(fh, fieldnames=list(result[0].keys()))
        writer.writeheader()
        writer.writerows(result)
    if out:
        fh.close()


if __name__ == "__main__":
    app()
