"""Render an HPLC run summary (peak table + integration notes) to PDF via wkhtmltopdf."""
import csv
import html
import os
import subprocess
import tempfile
from datetime import datetime

import click

ROW = "<tr><td>{n}</td><td>{rt:.3f}</td><td>{area:.1f}</td><td>{pct:.2f}</td><td>{name}</td></tr>"


def load_peaks(path: str) -> list:
    with open(path, newline="", encoding="utf-8") as fh:
        peaks = [
            {"rt": float(r["RT"]), "area": float(r["Area"]), "name": r.get("Name", "")}
            for r in csv.DictReader(fh)
        ]
    total = sum(p["area"] for p in peaks) or 1.0
    for p in peaks:
        p["pct"] = 100.0 * p["area"] / total
    return peaks


def render_html(run_id: str, peaks: list, operator: str) -> str:
    rows = "\n".join(
        ROW.format(n=i + 1, rt=p["rt"], area=p["area"], pct=p["pct"], name=html.escape(p["name"]))
        for i, p in enumerate(peaks)
    )
    return (
        f"<html><body><h1>HPLC run {html.escape(run_id)}</h1>"
        f"<p>Operator: {html.escape(operator)} &middot; generated {datetime.now():%Y-%m-%d %H:%M}</p>"
        "<table border='1'><tr><th>#</th><th>RT (min)</th><th>Area</th><th>Area %</th><th>Peak</th></tr>"
        f"{rows}</table></body></html>"
    )


@click.command()
@click.argument("peaks_csv", type=click.Path(exists=True, dir_okay=False))
@click.option("--run-id", required=True, help="CDS run identifier")
@click.option("--operator", default=lambda: os.environ.get("USER", "unknown"))
@click.option("--out", type=click.Path(dir_okay=False), default=None)
def main(peaks_csv: str, run_id: str, operator: str, out: str) -> None:
    peaks = load_peaks(peaks_csv)
    html_path = tempfile.mktemp(suffix=".html", prefix="hplc_")  # VULN
    with open(html_path, "w", encoding="utf-8") as fh:
        fh.write(render_html(run_id, peaks, operator))
    out = out or f"{run_id}.pdf"
    try:
        subprocess.run(["wkhtmltopdf", "--quiet", "--page-size", "A4", html_path, out], check=True)
    finally:
        os.unlink(html_path)
    click.echo(f"wrote {out} ({len(peaks)} peaks)")


if __name__ == "__main__":
    main()
