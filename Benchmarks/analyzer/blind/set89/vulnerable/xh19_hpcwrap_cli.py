"""hpcwrap: wrap an arbitrary command line into a Slurm batch script and submit it."""
import getpass
import os
import shlex
import subprocess
import sys

import click

TEMPLATE = """#!/bin/bash
#SBATCH --job-name={name}
#SBATCH --partition={partition}
#SBATCH --time={time}
#SBATCH --ntasks={ntasks}
#SBATCH --output={logdir}/%x-%j.out

set -euo pipefail
module purge
{modules}
srun {command}
"""


def render(name, partition, time, ntasks, modules, command, logdir):
    module_lines = "\n".join(f"module load {m}" for m in modules)
    return TEMPLATE.format(
        name=name,
        partition=partition,
        time=time,
        ntasks=ntasks,
        modules=module_lines,
        command=" ".join(shlex.quote(c) for c in command),
        logdir=logdir,
    )


@click.command(context_settings={"ignore_unknown_options": True})
@click.option("--name", "-J", default="hpcwrap", show_default=True)
@click.option("--partition", "-p", default="compute", show_default=True)
@click.option("--time", "-t", default="01:00:00", show_default=True)
@click.option("--ntasks", "-n", default=1, type=int, show_default=True)
@click.option("--module", "-m", "modules", multiple=True, help="module to load (repeatable)")
@click.option("--keep", is_flag=True, help="keep the generated script")
@click.option("--dry-run", is_flag=True)
@click.argument("command", nargs=-1, required=True, type=click.UNPROCESSED)
def main(name, partition, time, ntasks, modules, keep, dry_run, command):
    user = getpass.getuser()
    logdir = os.path.expanduser("~/slurm-logs")
    os.makedirs(logdir, exist_ok=True)

    body = render(name, partition, time, ntasks, modules, command, logdir)
    script_path = os.path.join("/tmp", f"hpcwrap-{user}-{name}.sh")  # VULN
    with open(script_path, "w") as fh:
        fh.write(body)
    os.chmod(script_path, 0o777)  # VULN

    if dry_run:
        click.echo(body)
        click.echo(f"script: {script_path}", err=True)
        return

    try:
        result = subprocess.run(["sbatch", script_path], capture_output=True, text=True)
    finally:
        if not keep:
            os.unlink(script_path)
    if result.returncode != 0:
        click.echo(result.stderr, err=True)
        sys.exit(result.returncode)
    click.echo(result.stdout.strip())


if __name__ == "__main__":
    main()
