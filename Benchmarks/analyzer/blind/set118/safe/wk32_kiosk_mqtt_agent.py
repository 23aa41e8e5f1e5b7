"""Site agent that listens to the pay-kiosk MQTT bus.

Kiosks publish their config snapshots to ``site/<id>/kiosk/<kiosk>/config``
and request maintenance jobs (cash-box count, printer test, log upload) on
``site/<id>/kiosk/<kiosk>/maint``.  The agent runs on the site server.
"""
import json
import logging
import os
import re
import subprocess

import paho.mqtt.client as mqtt
import yaml

log = logging.getLogger("kiosk_agent")

SITE_ID = os.environ.get("SITE_ID", "0001")
BROKER = os.environ.get("MQTT_BROKER", "127.0.0.1")
MAINT_DIR = "/opt/kiosk-agent/maint"
MAINT_SCRIPTS = {"printer_test", "cashbox_count", "log_upload", "bill_validator_reset"}
ARG_RE = re.compile(r"^[A-Za-z0-9_.=-]{1,64}$")
KIOSK_RE = re.compile(r"^[A-Za-z0-9-]{1,16}$")
CONFIG_CACHE = {}


def handle_config(kiosk: str, payload: bytes) -> None:
    config = yaml.safe_load(payload)
    CONFIG_CACHE[kiosk] = config
    log.info("kiosk %r config updated: firmware=%r", kiosk, config.get("firmware"))


def maint_command(kiosk: str, job: dict) -> list:
    script = job.get("script", "printer_test")
    args = [str(a) for a in job.get("args", [])]
    if script not in MAINT_SCRIPTS or not KIOSK_RE.match(kiosk):
        raise ValueError("unknown maintenance script or kiosk id")
    if not all(ARG_RE.match(a) and not a.startswith("-") for a in args):
        raise ValueError("bad maintenance argument")
    return [f"{MAINT_DIR}/{script}.sh", "--kiosk", kiosk, *args]


def handle_maint(client: mqtt.Client, kiosk: str, payload: bytes) -> None:
    job = json.loads(payload)
    cmd = maint_command(kiosk, job)
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    result = {"job": job.get("id"), "rc": proc.returncode, "output": proc.stdout[-2000:]}
    client.publish(f"site/{SITE_ID}/kiosk/{kiosk}/maint/result", json.dumps(result), qos=1)


def on_connect(client, userdata, flags, rc):
    if rc != 0:
        log.error("MQTT connect failed rc=%s", rc)
        return
    client.subscribe(f"site/{SITE_ID}/kiosk/+/config", qos=1)
    client.subscribe(f"site/{SITE_ID}/kiosk/+/maint", qos=1)


def on_message(client, userdata, msg):
    parts = msg.topic.split("/")
    if len(parts) != 5:
        return
    kiosk, kind = parts[3], parts[4]
    try:
        if kind == "config":
            handle_config(kiosk, msg.payload)
        elif kind == "maint":
            handle_maint(client, kiosk, msg.payload)
    except Exception:
        log.exception("failed to handle %r message from kiosk %r", kind, kiosk)


def main():
    logging.basicConfig(level=logging.INFO)
    client = mqtt.Client(client_id=f"site-agent-{SITE_ID}")
    client.username_pw_set("site-agent", os.environ.get("MQTT_PASSWORD"))
    client.on_connect = on_connect
    client.on_message = on_message
    client.connect(BROKER, 1883, keepalive=30)
    client.loop_forever()


if __name__ == "__main__":
    main()
