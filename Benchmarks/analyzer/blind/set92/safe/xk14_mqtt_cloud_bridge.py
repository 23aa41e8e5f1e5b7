"""Bridge local Zigbee2MQTT topics to the vendor cloud broker."""
import json
import logging
import os
import ssl
import time

import paho.mqtt.client as mqtt

log = logging.getLogger("mqttbridge")

LOCAL_HOST = os.environ.get("LOCAL_MQTT_HOST", "127.0.0.1")
CLOUD_HOST = os.environ.get("CLOUD_MQTT_HOST", "mqtt.cloud.example-home.com")
CLOUD_PORT = 8883
CLOUD_USER = "hub-bridge"
CLOUD_PASSWORD = os.environ["CLOUD_MQTT_PASSWORD"]
CLOUD_CA = os.environ.get("CLOUD_MQTT_CA", "/etc/hub/cloud-ca.pem")
HOME_ID = os.environ.get("HOME_ID", "home-0001")
FORWARD_PREFIXES = ("zigbee2mqtt/thermostat", "zigbee2mqtt/lock", "zigbee2mqtt/sensor")


def make_cloud_client() -> mqtt.Client:
    client = mqtt.Client(client_id=f"bridge-{HOME_ID}", clean_session=False)
    client.username_pw_set(CLOUD_USER, CLOUD_PASSWORD)
    client.tls_set(ca_certs=CLOUD_CA, cert_reqs=ssl.CERT_REQUIRED)
    client.tls_insecure_set(False)
    client.reconnect_delay_set(min_delay=1, max_delay=60)
    return client


class Bridge:
    def __init__(self):
        self.local = mqtt.Client(client_id=f"bridge-local-{HOME_ID}")
        self.cloud = make_cloud_client()
        self.local.on_connect = self.on_local_connect
        self.local.on_message = self.on_local_message
        self.forwarded = 0

    def on_local_connect(self, client, userdata, flags, rc):
        log.info("local broker connected rc=%s", rc)
        client.subscribe("zigbee2mqtt/#", qos=1)

    def on_local_message(self, client, userdata, msg):
        if not msg.topic.startswith(FORWARD_PREFIXES):
            return
        try:
            payload = json.loads(msg.payload)
        except ValueError:
            return
        envelope = {"home": HOME_ID, "topic": msg.topic, "ts": time.time(), "data": payload}
        self.cloud.publish(f"homes/{HOME_ID}/telemetry", json.dumps(envelope), qos=1)
        self.forwarded += 1

    def run(self):
        self.cloud.connect(CLOUD_HOST, CLOUD_PORT, keepalive=60)
        self.cloud.loop_start()
        self.local.connect(LOCAL_HOST, 1883, keepalive=30)
        try:
            self.local.loop_forever()
        finally:
            self.cloud.loop_stop()
            log.info("forwarded %d messages", self.forwarded)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    Bridge().run()
