"""Edge gateway agent: executes maintenance actions sent over MQTT."""
import json
import logging
import os

import paho.mqtt.client as mqtt

log = logging.getLogger("gateway")

BROKER = os.environ.get("MQTT_BROKER", "broker.plant.local")
DEVICE_ID = os.environ.get("DEVICE_ID", "gw-001")
COMMAND_TOPIC = f"plant/gateways/{DEVICE_ID}/cmd"
RESULT_TOPIC = f"plant/gateways/{DEVICE_ID}/result"

ACTIONS = {}


def action(name):
    def register(fn):
        ACTIONS[name] = fn
        return fn
    return register


@action("set_hostname")
def set_hostname(params):
    name = params["hostname"]
    return os.system("hostnamectl set-hostname " + name)  # VULN flow


@action("ping")
def ping(params):
    target = params.get("host", "plc-01.plant.local")
    cmd = f"ping -c 3 -W 2 {target}"
    return os.system(cmd)  # VULN flow


@action("restart_collector")
def restart_collector(params):
    return os.system("systemctl restart modbus-collector.service")


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
