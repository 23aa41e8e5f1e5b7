"""Revision diff endpoint for git-backed shared documents (Bottle).

Each document lives in its own bare repository under DOC_REPOS; the
history sidebar asks for a unified diff between two revisions.
"""
import logging
import os
import re
import subprocess

from bottle import Bottle, HTTPResponse, request, response

app = Bottle()
log = logging.getLogger("docs.diff")
DOC_REPOS = os.environ.get("DOC_REPOS", "/srv/docs/repos")
REV_RE = re.compile(r"^(HEAD(~\d{1,4})?|[0-9a-f]{7,40})$")
PATH_RE = re.compile(r"^[\w][\w./-]{0,200}$")


class DiffRequest:
    def __init__(self, doc_id: int, params):
        self.doc_id = doc_id
        self.old = params.get("from", "HEAD~1")
        self.new = params.get("to", "HEAD")
        self.context = params.get("context", "3")
        self.path = params.get("path", "document.md")

    @property
    def repo(self) -> str:
        return os.path.join(DOC_REPOS, f"{self.doc_id}.git")

    def validate(self):
        if not (REV_RE.match(self.old) and REV_RE.match(self.new)):
            raise ValueError("bad revision")
        if not self.context.isdigit() or int(self.context) > 50:
            raise ValueError("bad context")
        if not PATH_RE.match(self.path) or ".." in self.path:
            raise ValueError("bad path")


def git_diff(req: DiffRequest) -> str:
    req.validate()
    cmd = ["git", f"--git-dir={req.repo}", "diff", f"-U{req.context}", req.old, req.new, "--", req.path]
    return subprocess.check_output(cmd, stderr=subprocess.STDOUT, timeout=20).decode("utf-8", "replace")


def git_log(repo: str, limit: int = 50) -> list:
    out = subprocess.check_output(
        ["git", f"--git-dir={repo}", "log", f"-n{limit}", "--format=%H%x09%an%x09%aI%x09%s"],
        timeout=20,
    ).decode("utf-8", "replace")
    return [dict(zip(("sha", "author", "date", "subject"), line.split("\t", 3))) for line in out.splitlines()]


@app.get("/docs/<doc_id:int>/diff")
def diff(doc_id):
    req = DiffRequest(doc_id, request.query)
    if not os.path.isdir(req.repo):
        return HTTPResponse(status=404, body="unknown document")
    try:
        text = git_diff(req)
    except ValueError:
        return HTTPResponse(status=400, body="invalid diff parameters")
    except subprocess.CalledProcessError as exc:
        log.warning("git diff failed for doc %d (rc=%d)", doc_id, exc.returncode)
        return HTTPResponse(status=400, body="could not diff those revisions")
    response.content_type = "text/plain; charset=utf-8"
    return text


@app.get("/docs/<doc_id:int>/history")
def history(doc_id):
    repo = os.path.join(DOC_REPOS, f"{doc_id}.git")
    if not os.path.isdir(repo):
        return HTTPResponse(status=404, body="unknown document")
    return {"revisions": git_log(repo)}
