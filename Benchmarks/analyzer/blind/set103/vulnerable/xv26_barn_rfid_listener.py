"""Barn gateway RFID listener.

Each barn has a gateway that reads EID ear tags at the water trough and the
parlour entrance and publishes events to ``farm/<barn>/rfid``. We persist
them for the animal movement register (required for traceability audits).
"""
import logging
import os
import sqlite3
from dataclasses import dataclass

import jsonpickle
import paho.mqtt.client as mqtt

log = logging.getLogger("barn.rfid")

BROKER = os.environ.get("MQTT_HOST", "mqtt.farm.lan")
TOPIC = "farm/+/rfid"
DB_PATH = os.environ.get("HERD_DB", "/var/lib/herd/movements.db")


@dataclass
class TagRead:
    eid: str
    reader: str
    barn: str
    seen_at: str
    rssi: int = 0


class MovementStore:
    def __init__(self, path: str):
        self.conn = sqlite3.connect(path, check_same_thread=False)
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS movements (eid TEXT, reader TEXT, barn TEXT, seen_at TEXT, rssi INTEGER)"
        )

    def add(self, read: TagRead) -> None:
        self.conn.execute(
            "INSERT INTO movements VALUES (?, ?, ?, ?, ?)",
            (read.eid, read.reader, read.barn, read.seen_at, int(read.rssi)),
        )
        self.conn.commit()


def decode_event(payload: bytes) -> TagRead:
    obj = jsonpickle.decode(payload.decode("utf-8"))  # VULN flow
    if isinstance(obj, dict):
        obj = TagRead(**obj)
    if not isinstance(obj, TagRead):
        raise ValueError("unexpected event type")
    return obj


def on_message(client, userdata, msg) -> None:
    store: MovementStore = userdata["store"]
    try:
        read = decode_event(msg.payload)
    except Exception as exc:
        log.warning("bad event on %r: %r", msg.topic, exc)
        return
    store.add(read)


def on_connect(client, userdata, flags, rc) -> None:
    if rc != 0:
        log.error("broker refused connection rc=%s", rc)
        return
    client.subscribe(TOPIC, qos=1)
    log.info("subscribed to %s", TOPIC)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    client = mqtt.Client(client_id="herd-register", userdata={"store": MovementStore(DB_PATH)})
    client.username_pw_set(os.environ.get("MQTT_USER"), os.environ.get("MQTT_PASSWORD"))
    client.tls_set(ca_certs=os.environ.get("MQTT_CA", "/etc/ssl/certs/ca-certificates.crt"))
    client.on_connect = on_connect
    client.on_message = on_message
    client.connect(BROKER, 8883, keepalive=60)
    client.loop_forever()


if __name__ == "__main__":
    main()
