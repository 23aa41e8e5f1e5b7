"""Generate PDF progress reports for sponsored research grants.

Grant records are exported from the research administration system as
JSON; titles and narrative sections are entered by principal investigators.
"""
import json
import logging
import os
import re
import subprocess
import tempfile
from pathlib import Path

import click
from jinja2 import Environment, FileSystemLoader, select_autoescape

log = logging.getLogger("grants.reports")

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
WKHTMLTOPDF = os.environ.get("WKHTMLTOPDF_BIN", "/usr/local/bin/wkhtmltopdf")
AWARD_RE = re.compile(r"[A-Z]{2,5}-\d{4}-\d{3,6}")


def load_grant(grants_dir: Path, award_number: str) -> dict:
    with (grants_dir / f"{award_number}.json").open(encoding="utf-8") as fh:
        return json.load(fh)


def render_html(grant: dict) -> str:
    env = Environment(loader=FileSystemLoader(str(TEMPLATE_DIR)),
                      autoescape=select_autoescape(["html"]))
    return env.get_template("progress_report.html").render(grant=grant)


def html_to_pdf(html_path: Path, pdf_path: Path, title: str) -> None:
    cmd = [WKHTMLTOPDF, "--quiet", "--page-size", "Letter", "--title", title,
           str(html_path), str(pdf_path)]
    log.debug("running wkhtmltopdf for %s", pdf_path.name)
    subprocess.run(cmd, shell=False, check=True)


@click.command()
@click.argument("award_number")
@click.option("--grants-dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default="/srv/grants/records", show_default=True)
@click.option("--out-dir", type=click.Path(file_okay=False, path_type=Path),
              default="/srv/grants/reports", show_default=True)
@click.option("--verbose", is_flag=True)
def main(award_number: str, grants_dir: Path, out_dir: Path, verbose: bool) -> None:
    """Render the progress report for AWARD_NUMBER as PDF."""
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO)
    if not AWARD_RE.fullmatch(award_number):
        raise click.BadParameter("expected an award number like NSF-2023-01234")

    grant = load_grant(grants_dir, award_number)
    out_dir.mkdir(parents=True, exist_ok=True)
    report_title = grant.get("title") or award_number

    with tempfile.TemporaryDirectory(prefix="grant-report-") as tmp:
        html_path = Path(tmp) / "report.html"
        html_path.write_text(render_html(grant), encoding="utf-8")
        pdf_path = out_dir / f"{award_number}_progress.pdf"
        try:
            html_to_pdf(html_path, pdf_path, report_title)
        except subprocess.CalledProcessError as exc:
            raise click.ClickException(f"wkhtmltopdf failed with status {exc.returncode}")
    click.echo(f"wrote {pdf_path}")


if __name__ == "__main__":
    main()
