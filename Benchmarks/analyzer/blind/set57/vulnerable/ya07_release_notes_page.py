"""Render release notes between two tags as an HTML page for the release portal."""
import logging
import re
import subprocess
from typing import Dict, List

from flask import Flask, Response, abort, request

app = Flask(__name__)
log = logging.getLogger("release.notes")

REPO = "/srv/git/platform.git"
TAG_RE = re.compile(r"v\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?")
FIELD_SEP = "\x1f"

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>{title}</title>
<link rel="stylesheet" href="/static/notes.css"></head>
<body><h1>{title}</h1>
<p class="summary">{count} change(s)</p>
<ul class="changes">
{entries}
</ul></body></html>"""


def git_log(since: str, until: str) -> List[Dict[str, str]]:
    proc = subprocess.run(
        ["git", "-C", REPO, "log", "--no-merges", f"--format=%h{FIELD_SEP}%an{FIELD_SEP}%s",
         f"{since}..{until}"],
        capture_output=True, text=True, check=True, timeout=30,
    )
    commits = []
    for line in proc.stdout.splitlines():
        sha, author, subject = line.split(FIELD_SEP, 2)
        commits.append({"sha": sha, "author": author, "subject": subject})
    return commits


def render_entries(commits: List[Dict[str, str]]) -> str:
    items = []
    for c in commits:
        items.append(
            f'<li><code>{c["sha"]}</code> {c["subject"]} <em>({c["author"]})</em></li>'
        )
    return "\n".join(items)


@app.route("/releases/notes")
def release_notes():
    since = request.args.get("from", "")
    until = request.args.get("to", "HEAD")
    if not TAG_RE.fullmatch(since) or (until != "HEAD" and not TAG_RE.fullmatch(until)):
        abort(400, "from/to must be release tags")
    title = request.args.get("title") or f"Changes in {until}"
    try:
        commits = git_log(since, until)
    except subprocess.CalledProcessError as exc:
        log.warning("git log failed: %s", exc.stderr)
        abort(404)
    body = PAGE.format(title=title, count=len(commits), entries=render_entries(commits))
    return Response(body, mimetype="text/html")  # VULN flow


if __name__ == "__main__":
    app.run(port=8090)
