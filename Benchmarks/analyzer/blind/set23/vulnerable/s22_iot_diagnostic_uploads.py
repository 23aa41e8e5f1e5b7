"""IoT gateway: stores diagnostic files uploaded by field devices over MQTT."""
import base64
import json
import logging
import os

import paho.mqtt.client as mqtt

log = logging.getLogger("gateway.uploads")
UPLOAD_ROOT = os.environ.get("GATEWAY_UPLOAD_ROOT", "/var/lib/gateway/uploads")
MAX_FILE = 2 * 1024 * 1024


class UploadMessage:
    def __init__(self, device_id: str, payload: dict):
        self.device_id = device_id
        self.filename = str(payload["filename"])
        self.kind = str(payload.get("kind", "diag"))
        self.data = base64.b64decode(payload["data"])


class DeviceFileStore:
    def __init__(self, root: str):
        self.root = root

    def path_for(self, msg: UploadMessage) -> str:
        return os.path.join(self.root, msg.device_id, msg.kind, msg.filename)

    def save(self, msg: UploadMessage) -> str:
        if len(msg.data) > MAX_FILE:
            raise ValueError("file too large")
        path = self.path_for(msg)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as fh:  # VULN flow
            fh.write(msg.data)
        return path


class UploadGateway:
    def __init__(self, store: DeviceFileStore):
        self.store = store
        self.client = mqtt.Client(client_id="gateway-uploads")
        self.client.on_connect = self.on_connect
        self.client.on_message = self.on_message

    def on_connect(self, client, userdata, flags, rc):
        client.subscribe("devices/+/upload", qos=1)

    def on_message(self, client, userdata, message):
        device_id = message.topic.split("/")[1]
        try:
            msg = UploadMessage(device_id, json.loads(message.payload))
            path = self.store.save(msg)
            client.publish(f"devices/{device_id}/upload/ack", json.dumps({"ok": True}), qos=1)
            log.info("stored upload from %r at %r", device_id, path)
        except (ValueError, KeyError) as exc:
            log.warning("bad upload from %r: %r", device_id, exc)

    def run(self):
        self.client.tls_set(ca_certs=os.environ["MQTT_CA_FILE"])
        self.client.username_pw_set(os.environ["MQTT_USER"], os.environ["MQTT_PASSWORD"])
        self.client.connect(os.environ.get("MQTT_HOST", "localhost"), 8883)
        self.client.loop_forever()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    UploadGateway(DeviceFileStore(UPLOAD_ROOT)).run()
