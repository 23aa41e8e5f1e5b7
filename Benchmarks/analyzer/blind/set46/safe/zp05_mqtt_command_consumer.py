"""Bridge that consumes device command acknowledgements from the MQTT broker
and records them in the command ledger."""
import json
import logging
import os
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timezone

import paho.mqtt.client as mqtt

log = logging.getLogger("cmd-bridge")

BROKER = os.environ.get("MQTT_HOST", "mqtt.internal")
TOPIC = "fleet/+/cmd/ack"
LEDGER = os.environ.get("LEDGER_DB", "/var/lib/cmd-bridge/ledger.db")


@dataclass
class CommandAck:
    device_id: str
    command_id: str
    status: str
    detail: dict = field(default_factory=dict)
    received_at: str = ""


class Ledger:
    def __init__(self, path: str):
        self.conn = sqlite3.connect(path, check_same_thread=False)
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS acks (device_id TEXT, command_id TEXT,"
            " status TEXT, received_at TEXT)"
        )

    def record(self, ack: CommandAck) -> None:
        self.conn.execute(
            "INSERT INTO acks VALUES (?, ?, ?, ?)",
            (ack.device_id, ack.command_id, ack.status, ack.received_at),
        )
        self.conn.commit()


def decode_ack(payload: bytes) -> CommandAck:
    text = payload.decode("utf-8")
    data = json.loads(text)
    if not isinstance(data, dict):
        raise ValueError("unexpected payload type")
    ack = CommandAck(
        device_id=str(data["device_id"]),
        command_id=str(data["command_id"]),
        status=str(data["status"]),
        detail=data.get("detail") if isinstance(data.get("detail"), dict) else {},
    )
    ack.received_at = datetime.now(timezone.utc).isoformat()
    return ack


def on_connect(client, userdata, flags, rc):
    log.info("connected to %s rc=%s", BROKER, rc)
    client.subscribe(TOPIC, qos=1)


def on_message(client, userdata, msg):
    ledger: Ledger = userdata["ledger"]
    try:
        ack = decode_ack(msg.payload)
    except Exception as exc:
        log.warning("dropping message on %r: %r", msg.topic, exc)
        return
    ledger.record(ack)
    log.debug("ack %r for %r", ack.command_id, ack.device_id)


def main():
    logging.basicConfig(level=logging.INFO)
    client = mqtt.Client(client_id="cmd-bridge", userdata={"ledger": Ledger(LEDGER)})
    client.username_pw_set(os.environ.get("MQTT_USER"), os.environ.get("MQTT_PASSWORD"))
    client.tls_set()
    client.on_connect = on_connect
    client.on_message = on_message
    client.connect(BROKER, 8883, keepalive=60)
    client.loop_forever()


if __name__ == "__main__":
    main()
