"""SQS worker that runs `terraform plan` for pull requests opened against infra-live.

Messages are published by the GitHub webhook receiver and look like:
    {"repo": "infra-live", "pr": 412, "workspace": "eu-prod", "dir": "stacks/network",
     "vars": {"image_tag": "1.8.2"}}
"""
import json
import logging
import os
import re
import subprocess
import time

import boto3

log = logging.getLogger("tf-plan-worker")
QUEUE_URL = os.environ["PLAN_QUEUE_URL"]
CHECKOUT_ROOT = os.path.realpath(os.environ.get("CHECKOUT_ROOT", "/srv/checkouts"))
IDENT_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


class PlanJob:
    def __init__(self, msg: dict):
        self.repo = msg["repo"]
        self.pr = int(msg["pr"])
        self.workspace = msg.get("workspace", "default")
        self.stack_dir = msg.get("dir", ".")
        self.vars = msg.get("vars", {})
        if not IDENT_RE.match(self.repo) or not IDENT_RE.match(self.workspace):
            raise ValueError("invalid repo or workspace name")
        if any(not IDENT_RE.match(k) for k in self.vars):
            raise ValueError("invalid variable name")

    @property
    def workdir(self) -> str:
        path = os.path.realpath(os.path.join(CHECKOUT_ROOT, self.repo, f"pr-{self.pr}", self.stack_dir))
        if os.path.commonpath([CHECKOUT_ROOT, path]) != CHECKOUT_ROOT:
            raise ValueError("stack dir outside checkout root")
        return path

    def var_flags(self) -> list:
        return [f"-var={k}={v}" for k, v in self.vars.items()]


def sh(command: list, cwd: str, check: bool = True) -> str:
    log.debug("running in %r: %r", cwd, command)
    proc = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    if check and proc.returncode != 0:
        raise RuntimeError(proc.stderr[-2000:])
    return proc.stdout


def run_plan(job: PlanJob) -> str:
    workdir = job.workdir
    sh(["terraform", "init", "-input=false", "-no-color"], workdir)
    existing = sh(["terraform", "workspace", "list"], workdir).replace("*", " ").split()
    action = "select" if job.workspace in existing else "new"
    sh(["terraform", "workspace", action, job.workspace], workdir)
    return sh(["terraform", "plan", "-input=false", "-no-color", *job.var_flags()], workdir)


def poll_forever() -> None:
    sqs = boto3.client("sqs")
    while True:
        resp = sqs.receive_message(QueueUrl=QUEUE_URL, MaxNumberOfMessages=1, WaitTimeSeconds=20)
        for message in resp.get("Messages", []):
            try:
                job = PlanJob(json.loads(message["Body"]))
                output = run_plan(job)
                log.info("plan for %r#%d finished (%d bytes)", job.repo, job.pr, len(output))
            except Exception:
                log.exception("plan failed for message %s", message.get("MessageId"))
            finally:
                sqs.delete_message(QueueUrl=QUEUE_URL, ReceiptHandle=message["ReceiptHandle"])
        time.sleep(1)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    poll_forever()
