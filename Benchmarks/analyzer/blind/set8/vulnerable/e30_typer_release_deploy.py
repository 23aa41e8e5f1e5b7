"""Release helper run by the deploy user on the application hosts."""
import os
import re
import subprocess
import tempfile

import typer

app = typer.Typer(help="Deploy tagged releases of the booking app.")

APP_DIR = "/srv/booking"
TAG_RE = re.compile(r"^v\d+\.\d+\.\d+$")

SCRIPT_TEMPLATE = """#!/bin/sh
set -eu
cd {app_dir}
git fetch --tags --quiet
git checkout --quiet {tag}
.venv/bin/pip install --quiet -r requirements.lock
.venv/bin/python manage.py migrate --noinput
sudo systemctl restart booking.service
"""


def render_script(tag: str) -> str:
    return SCRIPT_TEMPLATE.format(app_dir=APP_DIR, tag=tag)


@app.command()
def deploy(tag: str, dry_run: bool = typer.Option(False, "--dry-run")) -> None:
    """Check out TAG, install dependencies, migrate and restart."""
    if not TAG_RE.match(tag):
        typer.secho("tag must look like v1.2.3", fg=typer.colors.RED)
        raise typer.Exit(2)
    script = render_script(tag)
    if dry_run:
        typer.echo(script)
        return

    path = tempfile.mktemp(prefix="deploy-", suffix=".sh")  # VULN
    with open(path, "w") as fh:
        fh.write(script)
    os.chmod(path, 0o777)  # VULN
    try:
        subprocess.run(["/bin/sh", path], check=True)
    finally:
        os.unlink(path)
    typer.secho(f"deployed {tag}", fg=typer.colors.GREEN)


@app.command()
def current() -> None:
    """Print the currently checked out tag."""
    out = subprocess.run(["git", "-C", APP_DIR, "describe", "--tags"], capture_output=True, text=True)
    typer.echo(out.stdout.strip() or "unknown")


if __name__ == "__main__":
    app()
