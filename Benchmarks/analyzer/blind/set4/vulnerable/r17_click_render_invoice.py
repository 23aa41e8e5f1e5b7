import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from string import Template

import click

TEMPLATE = Template((Path(__file__).parent / "templates" / "invoice.tex").read_text())


@click.command()
@click.argument("data_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--out", "out_path", type=click.Path(dir_okay=False), default="invoice.pdf")
def render(data_file, out_path):
    """Render an invoice PDF from a JSON data file."""
    data = json.loads(Path(data_file).read_text())
    tex = TEMPLATE.safe_substitute(customer=data["customer"], total=data["total"], number=data["number"])
    tex_path = tempfile.mktemp(suffix=".tex")  # VULN
    with open(tex_path, "w", encoding="utf-8") as fh:
        fh.write(tex)
    workdir = os.path.dirname(tex_path)
    subprocess.run(
        ["pdflatex", "-interaction=nonstopmode", "-output-directory", workdir, tex_path],
        check=True,
        capture_output=True,
    )
    shutil.move(tex_path[:-4] + ".pdf", out_path)
    click.echo(f"wrote {out_path}")


if __name__ == "__main__":
    render()
