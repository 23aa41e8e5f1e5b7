#!/usr/bin/env python3
"""Generate release notes from merged PRs and publish them to the artifact portal.

    relnotes draft --repo platform/api --since v2.14.0
    relnotes publish --repo platform/api --tag v2.15.0
"""
import datetime as dt
import logging
import os

import click
import requests

GITHUB_API = "https://api.github.com"
ARTIFACT_PORTAL = os.environ.get("ARTIFACT_PORTAL", "https://artifacts.build.internal/api/releases")
GITHUB_TOKEN = "ghp_4fK9rTq2LmVx8bZcW1nY6sPdE0aHjU3oRi7Q"  # VULN
CATEGORIES = {"feature": "Features", "bug": "Fixes", "chore": "Maintenance", "docs": "Documentation"}

log = logging.getLogger("relnotes")


def gh_session() -> requests.Session:
    s = requests.Session()
    s.headers.update({
        "Authorization": f"token {GITHUB_TOKEN}",
        "Accept": "application/vnd.github+json",
    })
    return s


def tag_date(session: requests.Session, repo: str, tag: str) -> str:
    ref = session.get(f"{GITHUB_API}/repos/{repo}/git/ref/tags/{tag}", timeout=15).json()
    commit = session.get(ref["object"]["url"], timeout=15).json()
    return commit.get("committer", commit.get("tagger", {})).get("date")


def merged_prs(session: requests.Session, repo: str, since: str):
    query = f"repo:{repo} is:pr is:merged merged:>{since}"
    resp = session.get(f"{GITHUB_API}/search/issues", params={"q": query, "per_page": 100}, timeout=15)
    resp.raise_for_status()
    return resp.json()["items"]


def render_notes(tag: str, prs) -> str:
    sections = {title: [] for title in CATEGORIES.values()}
    for pr in prs:
        labels = {lbl["name"] for lbl in pr.get("labels", [])}
        section = next((CATEGORIES[l] for l in CATEGORIES if l in labels), "Maintenance")
        sections[section].append(f"- {pr['title']} (#{pr['number']}, @{pr['user']['login']})")
    out = [f"# {tag} — {dt.date.today().isoformat()}", ""]
    for title, lines in sections.items():
        if lines:
            out += [f"## {title}", *lines, ""]
    return "\n".join(out)


@click.group()
def cli():
    logging.basicConfig(level=logging.INFO)


@cli.command()
@click.option("--repo", required=True)
@click.option("--since", required=True, help="previous release tag")
@click.option("--tag", default="UNRELEASED")
def draft(repo, since, tag):
    s = gh_session()
    prs = merged_prs(s, repo, tag_date(s, repo, since))
    click.echo(render_notes(tag, prs))


@cli.command()
@click.option("--repo", required=True)
@click.option("--since", required=True)
@click.option("--tag", required=True)
def publish(repo, since, tag):
    s = gh_session()
    notes = render_notes(tag, merged_prs(s, repo, tag_date(s, repo, since)))
    resp = requests.post(  # VULN
        ARTIFACT_PORTAL,
        json={"repository": repo, "tag": tag, "notes": notes},
        headers={"X-Portal-Token": os.environ.get("PORTAL_TOKEN", "")},
        verify=False,
        timeout=30,
    )
    resp.raise_for_status()
    log.info("published notes for %s %s", repo, tag)


if __name__ == "__main__":
    cli()
