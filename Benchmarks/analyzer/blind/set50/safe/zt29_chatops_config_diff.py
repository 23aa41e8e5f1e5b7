"""Show config differences between two archived revisions of a device.

Invoked by the chatops bridge as `cfgdiff <device> <rev_a> [rev_b]`, with the
arguments taken straight from the chat command.
"""
import os
import re
import subprocess
from pathlib import Path

import typer

app = typer.Typer(help="Config archive helpers for chatops")

CONFIG_REPO = Path(os.environ.get("CONFIG_ARCHIVE", "/srv/config-archive"))
MAX_LINES = 200
DEVICE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
REV_RE = re.compile(r"^(latest|[0-9]{8}T[0-9]{6}|[0-9a-f]{7,40})$")


def revision_file(device: str, rev: str) -> str:
    if not DEVICE_RE.match(device) or ".." in device or not REV_RE.match(rev):
        raise typer.BadParameter("invalid device or revision")
    return str(CONFIG_REPO / device / f"{rev}.cfg")


def run_diff(old: str, new: str, context: int) -> str:
    cmd = ["diff", "-U", str(context), "--", old, new]
    return subprocess.run(cmd, capture_output=True, text=True).stdout


def strip_noise(lines, ignore_comments: bool):
    for line in lines:
        if ignore_comments and line[:1] in "+-" and line[1:].lstrip().startswith("!"):
            continue
        if line.startswith(("+! Last configuration change", "-! Last configuration change")):
            continue
        yield line


@app.command()
def diff(
    device: str,
    rev_a: str,
    rev_b: str = typer.Argument("latest"),
    context: int = typer.Option(3, min=0, max=20),
    ignore_comments: bool = False,
):
    """Unified diff between two revisions of DEVICE."""
    old = revision_file(device, rev_a)
    new = revision_file(device, rev_b)
    output = run_diff(old, new, context)
    lines = list(strip_noise(output.splitlines(), ignore_comments))
    if not lines:
        typer.echo("no differences")
        return
    for line in lines[:MAX_LINES]:
        typer.echo(line)
    if len(lines) > MAX_LINES:
        typer.echo(f"... {len(lines) - MAX_LINES} more lines truncated")


if __name__ == "__main__":
    app()
