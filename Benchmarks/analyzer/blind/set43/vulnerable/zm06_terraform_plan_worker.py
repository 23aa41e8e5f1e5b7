"""SQS worker that runs `terraform plan` for pull requests opened against infra-live.

Messages are published by the GitHub webhook receiver and look like:
    {"repo": "infra-live", "pr": 412, "workspace": "eu-prod", "dir": "stacks/network",
     "vars": {"image_tag": "1.8.2"}}
"""
import json
import logging
import os
import subprocess
import time

import boto3

log = logging.getLogger("tf-plan-worker")
QUEUE_URL = os.environ["PLAN_QUEUE_URL"]
CHECKOUT_ROOT = os.environ.get("CHECKOUT_ROOT", "/srv/checkouts")


class PlanJob:
    def __init__(self, msg: dict):
        self.repo = msg["repo"]
        self.pr = int(msg["pr"])
        self.workspace = msg.get("workspace", "default")
        self.stack_dir = msg.get("dir", ".")
        self.vars = msg.get("vars", {})

    @property
    def workdir(self) -> str:
        return os.path.join(CHECKOUT_ROOT, self.repo, f"pr-{self.pr}", self.stack_dir)

    def var_flags(self) -> str:
        return " ".join(f"-var '{k}={v}'" for k, v in self.vars.items())


def sh(command: str, cwd: str) -> str:
    log.debug("running in %r: %r", cwd, command)
    proc = subprocess.run(command, shell=True, cwd=cwd, capture_output=True, text=True)  # VULN flow
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[-2000:])
    return proc.stdout


def run_plan(job: PlanJob) -> str:
    sh("terraform init -input=false -no-color", job.workdir)
    sh(f"terraform workspace select {job.workspace} || terraform workspace new {job.workspace}", job.workdir)
    return sh(f"terraform plan -input=false -no-color {job.var_flags()}", job.workdir)


def poll_forever() -> None:
    sqs = boto3.client("sqs")
    while True:
        resp = sqs.receive_message(QueueUrl=QUEUE_URL, MaxNumberOfMessages=1, WaitTimeSeconds=20)
        for message in resp.get("Messages", []):
            job = PlanJob(json.loads(message["Body"]))
            try:
                output = run_plan(job)
                log.info("plan for %r#%d finished (%d bytes)", job.repo, job.pr, len(output))
            except Exception:
                log.exception("plan failed for %r#%d", job.repo, job.pr)
            finally:
                sqs.delete_message(QueueUrl=QUEUE_URL, ReceiptHandle=message["ReceiptHandle"])
        time.sleep(1)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    poll_forever()
