"""Consumes firmware manifests published by plant-floor devices and queues OTA checks."""
import json
import logging
import os
import queue
import ssl
from dataclasses import dataclass

import paho.mqtt.client as mqtt
import yaml

log = logging.getLogger("firmware-consumer")

BROKER = os.environ.get("MQTT_HOST", "mqtt.plant.internal")
CA_FILE = os.environ.get("MQTT_CA", "/etc/plant/mqtt-ca.pem")
TOPIC = "devices/+/firmware/manifest"


@dataclass
class Manifest:
    device_id: str
    version: str
    channel: str
    sha256: str


def parse_manifest(payload):
    return yaml.load(payload, Loader=yaml.Loader)  # VULN flow


def on_connect(client, userdata, flags, reason_code, properties):
    log.info("connected to %s (%s)", BROKER, reason_code)
    client.subscribe(TOPIC, qos=1)


def on_message(client, userdata, msg):
    device_id = msg.topic.split("/")[1]
    try:
        doc = parse_manifest(msg.payload)
    except yaml.YAMLError:
        log.warning("unparseable manifest from device %r", device_id)
        return
    if not isinstance(doc, dict) or "version" not in doc:
        log.warning("manifest from device %r missing version", device_id)
        return
    manifest = Manifest(
        device_id=device_id,
        version=str(doc["version"]),
        channel=str(doc.get("channel", "stable")),
        sha256=str(doc.get("sha256", "")),
    )
    userdata["pending"].put(manifest)
    client.publish(f"devices/{device_id}/firmware/ack", json.dumps({"version": manifest.version}), qos=1)


def main():
    pending = queue.Queue()
    client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id="firmware-consumer", userdata={"pending": pending})
    client.tls_set(ca_certs=CA_FILE, cert_reqs=ssl.CERT_REQUIRED, tls_version=ssl.PROTOCOL_TLS_CLIENT)
    client.username_pw_set(os.environ["MQTT_USER"], os.environ["MQTT_PASSWORD"])
    client.on_connect = on_connect
    client.on_message = on_message
    client.connect(BROKER, 8883, keepalive=60)
    client.loop_forever()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
