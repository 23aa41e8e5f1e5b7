"""AWS Lambda entry point for the pull-request lint bot."""
import base64
import hashlib
import hmac
import json
import logging
import os
import re

import requests

logger = logging.getLogger()
logger.setLevel(logging.INFO)

GITHUB_API = "https://api.github.com"
GITHUB_TOKEN = os.environ["GITHUB_TOKEN"]
WEBHOOK_SECRET = os.environ.get("WEBHOOK_SECRET", "").encode()

DEFAULT_RULES = [
    {"name": "no-print", "regex": re.compile(r"^\+\s*print\(", re.MULTILINE), "message": "Use the logger instead of print()."},
    {"name": "todo-owner", "regex": re.compile(r"TODO(?!\(\w+\))"), "message": "TODOs need an owner: TODO(name)."},
]


def _headers():
    return {"Authorization": f"Bearer {GITHUB_TOKEN}", "Accept": "application/vnd.github+json"}


def _verify_signature(headers, body):
    sig = headers.get("x-hub-signature-256", "")
    expected = "sha256=" + hmac.new(WEBHOOK_SECRET, body, hashlib.sha256).hexdigest()
    return bool(WEBHOOK_SECRET) and hmac.compare_digest(sig, expected)


def _repo_rules(repo, ref):
    url = f"{GITHUB_API}/repos/{repo}/contents/.reviewbot.json"
    resp = requests.get(url, params={"ref": ref}, headers=_headers(), timeout=10)
    if resp.status_code != 200:
        return DEFAULT_RULES
    config = json.loads(base64.b64decode(resp.json()["content"]))
    custom = [r for r in config.get("rules", []) if {"name", "pattern", "message"} <= set(r)]
    # repository rules are plain phrases, matched literally
    return DEFAULT_RULES + [
        {"name": r["name"], "regex": re.compile(re.escape(str(r["pattern"])[:200])), "message": r["message"]}
        for r in custom
    ]


def _findings(diff, rules):
    findings = []
    for rule in rules:
        regex = rule["regex"]
        for match in regex.finditer(diff):
            line_no = diff.count("\n", 0, match.start()) + 1
            findings.append({"rule": rule["name"], "line": line_no, "message": rule["message"]})
    return findings


def handler(event, context):
    headers = {k.lower(): v for k, v in (event.get("headers") or {}).items()}
    raw = event.get("body") or ""
    body = base64.b64decode(raw) if event.get("isBase64Encoded") else raw.encode()
    if not _verify_signature(headers, body):
        return {"statusCode": 401, "body": "bad signature"}

    payload = json.loads(body)
    if headers.get("x-github-event") != "pull_request" or payload.get("action") not in ("opened", "synchronize"):
        return {"statusCode": 204, "body": ""}

    pr = payload["pull_request"]
    repo = payload["repository"]["full_name"]
    diff = requests.get(pr["url"], headers={**_headers(), "Accept": "application/vnd.github.diff"}, timeout=20).text
    findings = _findings(diff, _repo_rules(repo, pr["head"]["sha"]))
    if findings:
        comment = "\n".join(f"- line {f['line']}: **{f['rule']}** {f['message']}" for f in findings[:50])
        requests.post(pr["comments_url"], json={"body": comment}, headers=_headers(), timeout=10)
    logger.info("reviewed PR #%s with %d findings", pr["number"], len(findings))
    return {"statusCode": 200, "body": json.dumps({"findings": len(findings)})}
