#!/usr/bin/env python3
"""Firmware rollout worker for the warehouse AMR fleet.

Consumes rollout jobs queued by the fleet portal and pushes the bundle to
each robot over SSH, then triggers the on-board installer.
"""
import json
import logging
import re
import shlex
import subprocess
from pathlib import Path

import pika

FLEET_FILE = Path("/etc/amr/fleet.json")
BUNDLE_DIR = Path("/srv/amr/bundles")
REMOTE_DIR = "/opt/amr/firmware/incoming"
SSH_USER = "amrsvc"
QUEUE = "fleet.firmware.rollout"
CHANNELS = {"stable", "beta", "hotfix"}
BUNDLE_RE = re.compile(r"^[A-Za-z0-9._-]{1,80}\.fwb$")

log = logging.getLogger("fwpush")


def load_fleet(path=FLEET_FILE):
    with open(path) as fh:
        return {r["name"]: r for r in json.load(fh)["robots"]}


def build_copy_cmd(bundle_path, host):
    return ["scp", "-q", "-o", "BatchMode=yes", "--", str(bundle_path),
            "%s@%s:%s/" % (SSH_USER, host, REMOTE_DIR)]


def build_install_cmd(host, bundle_name, channel):
    remote = "sudo /opt/amr/bin/fw-install --channel %s %s" % (
        shlex.quote(channel), shlex.quote("%s/%s" % (REMOTE_DIR, bundle_name)))
    return ["ssh", "-o", "BatchMode=yes", "%s@%s" % (SSH_USER, host), remote]


def run(cmd):
    log.info("exec: %r", cmd)
    return subprocess.call(cmd, shell=False)


def push_to_robot(robot, job):
    bundle_name = job["bundle"]
    channel = job.get("channel", "stable")
    if not BUNDLE_RE.match(bundle_name) or channel not in CHANNELS:
        log.warning("rejecting job with bundle=%r channel=%r", bundle_name, channel)
        return False
    bundle_path = BUNDLE_DIR / bundle_name
    if run(build_copy_cmd(bundle_path, robot["host"])) != 0:
        return False
    return run(build_install_cmd(robot["host"], bundle_name, channel)) == 0


def on_message(ch, method, properties, body):
    try:
        job = json.loads(body)
    except ValueError:
        log.warning("dropping malformed job")
        ch.basic_ack(method.delivery_tag)
        return

    fleet = load_fleet()
    results = {}
    for name in job.get("robots", []):
        robot = fleet.get(name)
        if robot is None:
            results[name] = "unknown"
            continue
        results[name] = "ok" if push_to_robot(robot, job) else "failed"
    log.info("rollout %r finished: %r", job.get("id"), results)
    ch.basic_ack(method.delivery_tag)


def main():
    logging.basicConfig(level=logging.INFO)
    conn = pika.BlockingConnection(pika.ConnectionParameters("mq.fleet.local"))
    channel = conn.channel()
    channel.queue_declare(queue=QUEUE, durable=True)
    channel.basic_qos(prefetch_count=1)
    channel.basic_consume(queue=QUEUE, on_message_callback=on_message)
    channel.start_consuming()


if __name__ == "__main__":
    main()
