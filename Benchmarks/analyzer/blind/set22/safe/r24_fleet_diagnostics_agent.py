"""Fleet agent for retail POS boxes: executes remote diagnostic commands over MQTT."""
import ipaddress
import json
import logging
import os
import socket
import subprocess

import paho.mqtt.client as mqtt
import requests

log = logging.getLogger("fleet-agent")

BROKER = os.environ.get("FLEET_BROKER", "mqtt.fleet.example.com")
CONTROL_API = "https://fleet.example.com/api/v1"
API_TOKEN = os.environ["FLEET_API_TOKEN"]
DEVICE_ID = socket.gethostname()


def report(command_id, status, output):
    requests.post(
        f"{CONTROL_API}/devices/{DEVICE_ID}/commands/{command_id}",
        json={"status": status, "output": output[-4000:]},
        headers={"Authorization": f"Bearer {API_TOKEN}"},
        timeout=10,
    )


def run_ping(params):
    target = str(ipaddress.ip_address(params.get("target", "192.168.1.1")))
    count = max(1, min(int(params.get("count", 4)), 20))
    cmd = ["ping", "-c", str(count), "-W", "2", target]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    return proc.stdout


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
