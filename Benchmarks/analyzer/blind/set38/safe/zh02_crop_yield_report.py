import csv
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import click

OUTPUT_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")


@dataclass
class YieldRecord:
    field_id: str
    crop: str
    hectares: float
    tonnes: float

    @property
    def per_hectare(self) -> float:
        return self.tonnes / self.hectares if self.hectares else 0.0


@dataclass
class ReportJob:
    season: str
    output_name: str
    records: list = field(default_factory=list)

    def markdown(self) -> str:
        lines = [f"# Yield report {self.season}", "", "| Field | Crop | t/ha |", "|---|---|---|"]
        for rec in sorted(self.records, key=lambda r: r.per_hectare, reverse=True):
            lines.append(f"| {rec.field_id} | {rec.crop} | {rec.per_hectare:.2f} |")
        return "\n".join(lines)


def load_records(csv_path):
    with open(csv_path, newline="") as fh:
        for row in csv.DictReader(fh):
            yield YieldRecord(row["field_id"], row["crop"], float(row["hectares"]), float(row["tonnes"]))


def render_pdf(job: ReportJob, workdir: str) -> Path:
    md_path = os.path.join(workdir, "report.md")
    with open(md_path, "w") as fh:
        fh.write(job.markdown())
    cmd = ["pandoc", md_path, "-o", f"{job.output_name}.pdf", "--metadata", f"title=Yield {job.season}"]
    subprocess.run(cmd, check=True, cwd=workdir)
    return Path(workdir) / f"{job.output_name}.pdf"


@click.command()
@click.argument("csv_path", type=click.Path(exists=True, dir_okay=False))
@click.option("--season", required=True, help="Season label, e.g. 2024-spring")
@click.option("--output", "output_name", default="yield_report", show_default=True)
def main(csv_path, season, output_name):
    """Build a per-field yield PDF from a harvest CSV export."""
    if not OUTPUT_NAME_RE.match(output_name):
        raise click.BadParameter("use letters, digits, '-' or '_'", param_hint="--output")
    job = ReportJob(season=season, output_name=output_name)
    job.records.extend(load_records(csv_path))
    if not job.records:
        raise click.ClickException("no records in CSV")
    with tempfile.TemporaryDirectory() as workdir:
        pdf = render_pdf(job, workdir)
        target = Path.cwd() / pdf.name
        shutil.copyfile(pdf, target)
    click.echo(f"wrote {target} ({len(job.records)} fields)")


if __name__ == "__main__":
    main()
