"""Monthly berth invoice renderer.

Reads unbilled berth stays from the marina database, renders an HTML
invoice per boat and converts it to PDF with wkhtmltopdf.
"""
import html
import logging
import os
import re
import sqlite3
import subprocess
from pathlib import Path

import typer

app = typer.Typer(help="Berth invoice batch tools")
log = logging.getLogger("marina.invoices")

DB_PATH = os.environ.get("MARINA_DB", "/var/lib/marina/marina.db")
WKHTMLTOPDF = "/usr/local/bin/wkhtmltopdf"

INVOICE_HTML = """<html><body>
<h2>Berth invoice {period}</h2>
<p>Vessel: {boat}<br>Owner: {owner}<br>Berth: {berth}</p>
<p>Nights: {nights} &times; {rate:.2f} = <b>{total:.2f} EUR</b></p>
</body></html>"""


def unbilled_stays(period: str):
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(
            "SELECT id, boat_name, owner_name, berth, nights, nightly_rate FROM stays "
            "WHERE period = ? AND invoiced = 0",
            (period,),
        ).fetchall()
    finally:
        conn.close()


def write_html(stay, period: str, workdir: Path) -> Path:
    page = INVOICE_HTML.format(
        period=html.escape(period),
        boat=html.escape(stay["boat_name"]),
        owner=html.escape(stay["owner_name"]),
        berth=html.escape(stay["berth"]),
        nights=stay["nights"],
        rate=stay["nightly_rate"],
        total=stay["nights"] * stay["nightly_rate"],
    )
    path = workdir / f"stay-{stay['id']}.html"
    path.write_text(page, encoding="utf-8")
    return path


def slug(value: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "_", value).strip("_")[:60] or "vessel"


def render_pdf(html_path: Path, out_dir: Path, boat_name: str, period: str) -> Path:
    target = out_dir / f"{slug(period)}-{slug(boat_name)}.pdf"
    cmd = [WKHTMLTOPDF, "--quiet", "--page-size", "A4", str(html_path), str(target)]
    rc = subprocess.run(cmd).returncode
    if rc != 0:
        raise RuntimeError(f"wkhtmltopdf exited with {rc}")
    return target


@app.command()
def render(period: str = typer.Argument(..., help="Billing period, e.g. 2024-07"),
           out_dir: Path = typer.Option(Path("/srv/marina/invoices"))):
    """Render PDFs for all unbilled stays in PERIOD."""
    workdir = out_dir / ".work"
    workdir.mkdir(parents=True, exist_ok=True)
    done = 0
    for stay in unbilled_stays(period):
        html_path = write_html(stay, period, workdir)
        try:
            pdf = render_pdf(html_path, out_dir, stay["boat_name"], period)
        except RuntimeError as exc:
            log.error("stay %s: %s", stay["id"], exc)
            continue
        done += 1
        typer.echo(f"rendered {pdf.name}")
    typer.echo(f"{done} invoices rendered")


if __name__ == "__main__":
    app()
