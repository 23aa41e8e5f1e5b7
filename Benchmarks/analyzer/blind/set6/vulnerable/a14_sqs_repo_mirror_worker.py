"""Consumes 'mirror repository' jobs submitted from the integrations page."""
import json
import os
import shutil
import subprocess
import tempfile

import boto3

QUEUE_URL = os.environ["MIRROR_QUEUE_URL"]
sqs = boto3.client("sqs")


def clone_repo(job, workdir):
    repo_url = job["repo"]
    branch = job.get("branch", "main")
    subprocess.run(["git", "clone", "--depth", "1", "--branch", branch, repo_url, workdir], check=True, timeout=300)  # VULN flow


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
            except (subprocess.CalledProcessError, subprocess.TimeoutExpired, KeyError) as exc:
                print(f"job failed: {exc!r}")
            sqs.delete_message(QueueUrl=QUEUE_URL, ReceiptHandle=msg["ReceiptHandle"])


if __name__ == "__main__":
    main()
