"""Fleet manager: tracks device heartbeats over MQTT and pushes config updates."""
import json
import logging
import os
import sqlite3
import ssl
import time

import paho.mqtt.client as mqtt

BROKER_HOST = os.environ.get("MQTT_HOST", "mqtt.fleet.example.net")
BROKER_PORT = 8883
MQTT_USER = os.environ.get("MQTT_USER", "fleet-manager")
MQTT_PASSWORD = os.environ["MQTT_PASSWORD"]
CA_FILE = os.environ.get("MQTT_CA_FILE", "/etc/fleet/ca.pem")
DB_PATH = os.environ.get("FLEET_DB", "fleet.db")

log = logging.getLogger("fleet")
db = sqlite3.connect(DB_PATH, check_same_thread=False)
db.execute("CREATE TABLE IF NOT EXISTS devices (id TEXT PRIMARY KEY, fw TEXT, battery REAL, seen REAL)")


def on_connect(client, userdata, flags, rc):
    if rc != 0:
        log.error("broker refused connection: %s", rc)
        return
    client.subscribe("devices/+/status", qos=1)


def on_message(client, userdata, msg):
    device_id = msg.topic.split("/")[1]
    try:
        status = json.loads(msg.payload)
    except ValueError:
        log.warning("dropping malformed status from %r", device_id)
        return
    db.execute(
        "INSERT OR REPLACE INTO devices (id, fw, battery, seen) VALUES (?, ?, ?, ?)",
        (device_id, str(status.get("fw", "")), float(status.get("battery", 0)), time.time()),
    )
    db.commit()


def push_config(client, device_id, config):
    client.publish(f"devices/{device_id}/config", json.dumps(config), qos=1, retain=True)


def main():
    logging.basicConfig(level=logging.INFO)
    client = mqtt.Client(client_id="fleet-manager")
    client.username_pw_set(MQTT_USER, MQTT_PASSWORD)
    client.tls_set(ca_certs=CA_FILE, cert_reqs=ssl.CERT_REQUIRED, tls_version=ssl.PROTOCOL_TLS_CLIENT)
    client.tls_insecure_set(False)
    client.on_connect = on_connect
    client.on_message = on_message
    client.connect(BROKER_HOST, BROKER_PORT, keepalive=60)
    client.loop_forever()


if __name__ == "__main__":
    main()
