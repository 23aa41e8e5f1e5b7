"""Release helper run by the deploy user on the application hosts."""
import os
import re
import shlex
import subprocess
import tempfile

import typer

app = typer.Typer(help="Deploy tagged releases of the booking app.")

APP_DIR = "/srv/booking"
TAG_RE = re.compile(r"^v\d+\.\d+\.\d+(?:-rc\d+)?$")

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
    return SCRIPT_TEMPLATE.format(app_dir=shlex.quote(APP_DIR), tag=shlex.quote(tag))


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

    fd, path = tempfile.mkstemp(prefix="deploy-", suffix=".sh")
    try:
        with os.fdopen(fd, "w") as fh:
            fh.write(script)
        os.chmod(path, 0o700)
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
