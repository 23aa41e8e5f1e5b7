"""Render on-farm food-safety inspection reports to PDF.

Farm names, addresses and corrective-action notes come from the grower
self-registration portal and the inspectors' tablet app.
"""
import html
import os
import sqlite3
import subprocess
import tempfile
from pathlib import Path

import typer

app = typer.Typer(help="Inspection report tooling")
DB_PATH = os.environ.get("INSPECTION_DB", "/var/lib/gap/inspections.db")
WKHTMLTOPDF = os.environ.get("WKHTMLTOPDF", "/usr/bin/wkhtmltopdf")


def load_inspection(inspection_id: int) -> dict:
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    try:
        rec = conn.execute(
            "SELECT i.id, i.inspected_on, i.inspector, i.score, f.farm_name, f.address "
            "FROM inspections i JOIN farms f ON f.id = i.farm_id WHERE i.id = ?",
            (inspection_id,),
        ).fetchone()
        if rec is None:
            raise typer.BadParameter(f"inspection {inspection_id} not found")
        findings = conn.execute(
            "SELECT clause, severity, note FROM findings WHERE inspection_id = ? ORDER BY clause",
            (inspection_id,),
        ).fetchall()
        return {**dict(rec), "findings": [dict(f) for f in findings]}
    finally:
        conn.close()


def build_html(rec: dict) -> str:
    rows = "".join(
        f"<tr><td>{html.escape(f['clause'])}</td><td>{html.escape(f['severity'])}</td>"
        f"<td>{html.escape(f['note'] or '')}</td></tr>"
        for f in rec["findings"]
    )
    return (
        f"<html><body><h1>{html.escape(rec['farm_name'])}</h1>"
        f"<p>{html.escape(rec['address'])}</p>"
        f"<p>Inspected {html.escape(str(rec['inspected_on']))} by {html.escape(rec['inspector'])}"
        f" - score {html.escape(str(rec['score']))}</p>"
        f"<table>{rows}</table></body></html>"
    )


def pdf_command(rec: dict, html_path: str, out_path: Path) -> str:
    title = f"{rec['farm_name']} - GAP inspection {rec['inspected_on']}"
    return f'{WKHTMLTOPDF} --quiet --title "{title}" {html_path} {out_path}'


@app.command()
def render(inspection_id: int, out_dir: Path = typer.Option(Path("/srv/gap/reports"))):
    """Render one inspection to PDF."""
    rec = load_inspection(inspection_id)
    out_dir.mkdir(parents=True, exist_ok=True)
    out_path = out_dir / f"inspection_{inspection_id}.pdf"
    with tempfile.NamedTemporaryFile("w", suffix=".html", delete=False) as fh:
        fh.write(build_html(rec))
        html_path = fh.name
    try:
        cmd = pdf_command(rec, html_path, out_path)
        subprocess.check_call(cmd, shell=True)  # VULN flow
    finally:
        os.unlink(html_path)
    typer.echo(f"wrote {out_path}")


if __name__ == "__main__":
    app()
