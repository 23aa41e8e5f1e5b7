"""Consumes 'mirror repository' jobs submitted from the integrations page."""
import json
import os
import re
import shutil
import subprocess
import tempfile
from urllib.parse import urlparse

import boto3

QUEUE_URL = os.environ["MIRROR_QUEUE_URL"]
ALLOWED_HOSTS = {"github.com", "gitlab.com", "bitbucket.org"}
BRANCH_RE = re.compile(r"^[A-Za-z0-9._/-]{1,100}$")
sqs = boto3.client("sqs")


def validate_job(job):
    parts = urlparse(job["repo"])
    if parts.scheme != "https" or parts.hostname not in ALLOWED_HOSTS:
        raise ValueError("only https repositories on supported hosts can be mirrored")
    branch = job.get("branch", "main")
    if not BRANCH_RE.match(branch) or branch.startswith("-"):
        raise ValueError("bad branch name")
    return job["repo"], branch


def clone_repo(job, workdir):
    repo_url, branch = validate_job(job)
    subprocess.run(["git", "clone", "--depth", "1", "--branch", branch, "--", repo_url, workdir],
                   check=True, timeout=300)


def handle(job):
    workdir = tempfile.mkdtemp(prefix="mirror-")
    try:
        clone_repo(job, workdir)
        files = sum(len(f) for _, _, f in os.walk(workdir))
        print(json.dumps({"job": job.get("id"), "files": files}))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def main():
    while True:
        resp = sqs.receive_message(QueueUrl=QUEUE_URL, MaxNumberOfMessages=5, WaitTimeSeconds=20)
        for msg in resp.get("Messages", []):
            try:
                handle(json.loads(msg["Body"]))
            except (subprocess.CalledProcessError, subprocess.TimeoutExpired, KeyError, ValueError) as exc:
                print(json.dumps({"error": type(exc).__name__}))
            sqs.delete_message(QueueUrl=QUEUE_URL, ReceiptHandle=msg["ReceiptHandle"])


if __name__ == "__main__":
    main()
