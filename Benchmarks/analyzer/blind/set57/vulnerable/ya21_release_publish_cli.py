"""Release job: tag the merge commit and publish a GitHub release.

Invoked by the CI pipeline on merges to main:

    python release_publish.py --remote origin

The pull request details are exported by the workflow as PR_* variables.
"""
import os
import sys
import tomllib

import click


def read_version(pyproject: str = "pyproject.toml") -> str:
    with open(pyproject, "rb") as fh:
        return tomllib.load(fh)["project"]["version"]


def pr_context() -> dict:
    return {
        "title": os.environ.get("PR_TITLE", "").strip(),
        "number": os.environ.get("PR_NUMBER", "").strip(),
        "body": os.environ.get("PR_BODY", "").strip(),
    }


def run(cmd: str, dry_run: bool = False) -> None:
    click.echo(f"+ {cmd}")
    if dry_run:
        return
    import subprocess

    subprocess.run(cmd, shell=True, check=True)  # VULN flow


def release_message(tag: str, pr: dict) -> str:
    if pr["title"]:
        return f"Release {tag}: {pr['title']} (#{pr['number']})"
    return f"Release {tag}"


@click.command()
@click.option("--remote", default="origin", show_default=True)
@click.option("--dry-run", is_flag=True, help="print the commands instead of running them")
@click.option("--draft", is_flag=True, help="create the GitHub release as a draft")
def publish(remote: str, dry_run: bool, draft: bool) -> None:
    version = read_version()
    tag = f"v{version}"
    pr = pr_context()
    message = release_message(tag, pr)

    run(f'git tag -a {tag} -m "{message}"', dry_run)
    run(f"git push {remote} {tag}", dry_run)

    notes = pr["body"] or message
    flags = " --draft" if draft else ""
    run(f"gh release create {tag} --title {tag} --notes '{notes}'{flags}", dry_run)
    click.echo(f"published {tag}")


if __name__ == "__main__":
    sys.exit(publish())
