"""Edge gateway agent: executes maintenance actions sent over MQTT."""
import json
import logging
import os
import re
import subprocess

import paho.mqtt.client as mqtt

log = logging.getLogger("gateway")

BROKER = os.environ.get("MQTT_BROKER", "broker.plant.local")
DEVICE_ID = os.environ.get("DEVICE_ID", "gw-001")
COMMAND_TOPIC = f"plant/gateways/{DEVICE_ID}/cmd"
RESULT_TOPIC = f"plant/gateways/{DEVICE_ID}/result"

ACTIONS = {}
HOST_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.-]{0,252}$")


def action(name):
    def register(fn):
        ACTIONS[name] = fn
        return fn
    return register


@action("set_hostname")
def set_hostname(params):
    name = params["hostname"]
    if not HOST_RE.match(name):
        raise ValueError("invalid hostname")
    return subprocess.run(["hostnamectl", "set-hostname", name]).returncode


@action("ping")
def ping(params):
    target = params.get("host", "plc-01.plant.local")
    if not HOST_RE.match(target):
        raise ValueError("invalid host")
    cmd = ["ping", "-c", "3", "-W", "2", target]
    return subprocess.run(cmd, capture_output=True).returncode


@action("restart_collector")
def restart_collector(params):
    return subprocess.run(["systemctl", "restart", "modbus-collector.service"]).returncode


def on_message(client, userdata, msg):
    try:
        payload = json.loads(msg.payload)
    except ValueError:
        log.warning("discarding non-JSON command on %r", msg.topic)
        return
    handler = ACTIONS.get(payload.get("action"))
    if handler is None:
        log.warning("unknown action %r", payload.get("action"))
        return
    try:
        rc = handler(payload.get("params") or {})
    except (KeyError, ValueError) as exc:
        rc = -1
        log.warning("bad parameters for %r: %r", payload.get("action"), exc)
    client.publish(RESULT_TOPIC, json.dumps({"id": payload.get("id"), "rc": rc}), qos=1)


def on_connect(client, userdata, flags, rc):
    client.subscribe(COMMAND_TOPIC, qos=1)
    log.info("subscribed to %s", COMMAND_TOPIC)


def main():
    logging.basicConfig(level=logging.INFO)
    client = mqtt.Client(client_id=DEVICE_ID)
    client.tls_set()
    client.username_pw_set(DEVICE_ID, os.environ["MQTT_PASSWORD"])
    client.on_connect = on_connect
    client.on_message = on_message
    client.connect(BROKER, 8883)
    client.loop_forever()


if __name__ == "__main__":
    main()
