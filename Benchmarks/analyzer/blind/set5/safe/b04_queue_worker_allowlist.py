import json
import os
import subprocess

import pika

WORK_ROOT = "/var/lib/ci-worker"
TOOLS = {
    "lint": ["/usr/bin/flake8", "--max-line-length=100"],
    "format": ["/usr/bin/black", "--check", "--quiet"],
    "typecheck": ["/usr/bin/mypy", "--strict"],
}


def run_job(job):
    command = TOOLS.get(job.get("tool"))
    if command is None:
        return {"job_id": job.get("id"), "code": -1, "output": "unknown tool"}
    workspace = os.path.join(WORK_ROOT, str(int(job["id"])))
    proc = subprocess.run([*command, "."], cwd=workspace, capture_output=True, text=True, timeout=300)
    return {"job_id": job["id"], "code": proc.returncode, "output": proc.stdout[-4000:]}


def on_message(channel, method, properties, body):
    result = run_job(json.loads(body))
    channel.basic_publish(exchange="", routing_key="job-results", body=json.dumps(result))
    channel.basic_ack(delivery_tag=method.delivery_tag)


def main():
    connection = pika.BlockingConnection(pika.ConnectionParameters("localhost"))
    channel = connection.channel()
    channel.queue_declare(queue="jobs", durable=True)
    channel.basic_consume(queue="jobs", on_message_callback=on_message)
    channel.start_consuming()


if __name__ == "__main__":
    main()
