"""Render nightly HTML reports to PDF and archive them for finance."""
import datetime as dt
import logging
import pathlib
import re
import subprocess

import click

log = logging.getLogger("reports.export")

ARCHIVE_ROOT = pathlib.Path("/srv/reports/archive")
RENDERER = "/usr/bin/wkhtmltopdf"
TITLE_RE = re.compile(r"<title>(.*?)</title>", re.IGNORECASE | re.DOTALL)


def extract_title(source: pathlib.Path) -> str:
    match = TITLE_RE.search(source.read_text(encoding="utf-8", errors="replace"))
    return match.group(1).strip() if match else source.stem


def render_pdf(source: pathlib.Path, title: str) -> pathlib.Path:
    source = source.resolve()
    target = source.with_suffix(".pdf")
    cmd = f'{RENDERER} --quiet --title "{title}" {source} {target}'
    subprocess.run(cmd, shell=True, check=True)  # VULN flow
    return target


def archive(pdf: pathlib.Path, day: dt.date) -> pathlib.Path:
    dest_dir = ARCHIVE_ROOT / f"{day:%Y}" / f"{day:%m}"
    dest_dir.mkdir(parents=True, exist_ok=True)
    dest = dest_dir / pdf.name
    subprocess.run(["rsync", "--archive", "--", str(pdf), str(dest)], check=True)
    return dest


@click.group()
@click.option("-v", "--verbose", is_flag=True)
def cli(verbose):
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO)


@cli.command()
@click.argument(
    "sources",
    nargs=-1,
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=pathlib.Path),
)
@click.option("--title", default=None, help="Override the title taken from the report.")
@click.option("--day", type=click.DateTime(formats=["%Y-%m-%d"]), default=None)
@click.option("--keep-pdf/--no-keep-pdf", default=False)
def export(sources, title, day, keep_pdf):
    """Render SOURCES to PDF and copy them into the archive."""
    report_day = day.date() if day else dt.date.today()
    failures = 0
    for source in sources:
        try:
            pdf = render_pdf(source, title or extract_title(source))
            dest = archive(pdf, report_day)
        except subprocess.CalledProcessError as exc:
            failures += 1
            log.error("export of %r failed with exit code %d", str(source), exc.returncode)
            continue
        if not keep_pdf:
            pdf.unlink(missing_ok=True)
        click.echo(f"archived {dest}")
    if failures:
        raise click.ClickException(f"{failures} report(s) failed")


if __name__ == "__main__":
    cli()
