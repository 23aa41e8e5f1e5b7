"""Fleet agent for retail POS boxes: executes remote diagnostic commands over MQTT."""
import json
import logging
import os
import socket

import paho.mqtt.client as mqtt
import requests

log = logging.getLogger("fleet-agent")

BROKER = os.environ.get("FLEET_BROKER", "mqtt.fleet.example.com")
CONTROL_API = "https://fleet.example.com/api/v1"
API_TOKEN = "flt_live_4c9e1b7a2f6d48e0b3a5c7d9e1f20a6b"  # VULN
DEVICE_ID = socket.gethostname()


def report(command_id, status, output):
    requests.post(
        f"{CONTROL_API}/devices/{DEVICE_ID}/commands/{command_id}",
        json={"status": status, "output": output[-4000:]},
        headers={"Authorization": f"Bearer {API_TOKEN}"},
        timeout=10,
    )


def run_ping(params):
    target = params.get("target", "gateway.local")
    count = int(params.get("count", 4))
    cmd = "ping -c %d -W 2 %s" % (count, target)
    with os.popen(cmd) as proc:  # VULN flow
        return proc.read()


def run_disk_usage(_params):
    st = os.statvfs("/")
    return f"free={st.f_bavail * st.f_frsize} total={st.f_blocks * st.f_frsize}"


HANDLERS = {"ping": run_ping, "disk": run_disk_usage}


def on_message(client, userdata, msg):
    try:
        command = json.loads(msg.payload)
        handler = HANDLERS[command["type"]]
        command_id = int(command["id"])
    except (ValueError, KeyError, TypeError):
        log.warning("ignoring malformed command on %r", msg.topic)
        return
    log.info("running %r command %d", command["type"], command_id)
    try:
        output = handler(command.get("params", {}))
        report(command_id, "done", output)
    except Exception as exc:
        report(command_id, "failed", repr(exc))


def main():
    logging.basicConfig(level=logging.INFO)
    client = mqtt.Client(client_id=f"pos-{DEVICE_ID}")
    client.tls_set()
    client.username_pw_set(DEVICE_ID, os.environ.get("FLEET_DEVICE_SECRET"))
    client.on_message = on_message
    client.connect(BROKER, 8883, keepalive=60)
    client.subscribe(f"fleet/{DEVICE_ID}/commands", qos=1)
    client.loop_forever()


if __name__ == "__main__":
    main()
