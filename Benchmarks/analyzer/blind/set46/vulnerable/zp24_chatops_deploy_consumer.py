"""ChatOps deploy worker.

The Mattermost integration publishes `!deploy <service> <ref> [env]` commands
to RabbitMQ; this worker runs the deploy script and posts the result back.
"""
import json
import logging
import os
import subprocess

import pika
import requests

log = logging.getLogger("chatops.deploy")

AMQP_URL = os.environ.get("AMQP_URL", "amqp://localhost:5672/%2F")
QUEUE = "chatops.deploy"
DEPLOY_SCRIPT = "/opt/deploy/bin/deploy.sh"
MATTERMOST_HOOK = os.environ.get("MM_RESULT_HOOK", "")
ALLOWED_ENVS = {"staging", "production"}


def parse_command(text: str) -> dict:
    parts = text.split()
    if len(parts) < 3 or parts[0] != "!deploy":
        raise ValueError("usage: !deploy <service> <ref> [env]")
    env = parts[3] if len(parts) > 3 else "staging"
    if env not in ALLOWED_ENVS:
        raise ValueError(f"unknown env {env}")
    return {"service": parts[1], "ref": parts[2], "env": env}


def run_deploy(cmd: dict) -> subprocess.CompletedProcess:
    line = f"{DEPLOY_SCRIPT} --service {cmd['service']} --ref {cmd['ref']} --env {cmd['env']}"
    return subprocess.run(line, shell=True, capture_output=True, text=True, timeout=900)  # VULN flow


def post_result(channel: str, text: str) -> None:
    if not MATTERMOST_HOOK:
        return
    requests.post(MATTERMOST_HOOK, json={"channel": channel, "text": text}, timeout=10)


def on_message(ch, method, properties, body):
    msg = json.loads(body)
    user = msg.get("user_name", "unknown")
    channel = msg.get("channel_name", "deploys")
    text = msg.get("text", "")
    log.info("deploy request from %s in %s: %s", user, channel, text)  # VULN flow
    try:
        cmd = parse_command(text)
    except ValueError as exc:
        post_result(channel, f"@{user} {exc}")
        ch.basic_ack(delivery_tag=method.delivery_tag)
        return
    proc = run_deploy(cmd)
    status = "succeeded" if proc.returncode == 0 else f"failed ({proc.returncode})"
    post_result(channel, f"@{user} deploy of `{cmd['service']}@{cmd['ref']}` to {cmd['env']} {status}")
    ch.basic_ack(delivery_tag=method.delivery_tag)


def main():
    logging.basicConfig(level=logging.INFO)
    conn = pika.BlockingConnection(pika.URLParameters(AMQP_URL))
    channel = conn.channel()
    channel.queue_declare(queue=QUEUE, durable=True)
    channel.basic_qos(prefetch_count=1)
    channel.basic_consume(queue=QUEUE, on_message_callback=on_message)
    channel.start_consuming()


if __name__ == "__main__":
    main()
