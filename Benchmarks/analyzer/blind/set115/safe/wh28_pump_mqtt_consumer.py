"""MQTT bridge between the snowmaking SCADA topics and the local pump
station controller (pumpctl). Valve / rate commands arrive on
`snowmaking/+/pump/cmd` and are executed on the station PC."""
import json
import logging
import os
import re
import socket
import subprocess

import paho.mqtt.client as mqtt

log = logging.getLogger("pumpstation.bridge")

BROKER = os.environ.get("MQTT_BROKER", "scada-mq.mountain.local")
STATION = socket.gethostname()
PUMPCTL = "/usr/local/sbin/pumpctl"
CMD_TOPIC = "snowmaking/+/pump/cmd"
IDENT_RE = re.compile(r"^[A-Za-z0-9_-]{1,24}$")


class PumpCommand:
    def __init__(self, station: str, payload: dict):
        self.station = station
        self.action = payload.get("action", "status")
        self.valve = str(payload.get("valve", ""))
        self.rate = float(payload.get("rate_lps", 0) or 0)
        if not IDENT_RE.match(station) or (self.valve and not IDENT_RE.match(self.valve)):
            raise ValueError("bad station or valve id")

    def argv(self) -> list:
        if self.action == "set":
            return ["set", "--valve", self.valve, "--rate", f"{self.rate:.1f}"]
        if self.action == "close":
            return ["close", "--valve", self.valve]
        return ["status"]


def run_pumpctl(cmd: PumpCommand) -> str:
    argv = [PUMPCTL, "--station", cmd.station, *cmd.argv()]
    proc = subprocess.run(argv, capture_output=True, text=True)
    return proc.stdout.strip()


def on_connect(client, userdata, flags, rc):
    log.info("connected to %s (rc=%s)", BROKER, rc)
    client.subscribe(CMD_TOPIC, qos=1)


def on_message(client, userdata, msg):
    station = msg.topic.split("/")[1]
    try:
        payload = json.loads(msg.payload)
        cmd = PumpCommand(station, payload)
    except (ValueError, TypeError):
        log.warning("ignoring invalid payload on %r", msg.topic)
        return
    output = run_pumpctl(cmd)
    client.publish(f"snowmaking/{station}/pump/state", json.dumps({
        "action": cmd.action,
        "result": output[:500],
    }), qos=1)


def main():
    logging.basicConfig(level=logging.INFO)
    client = mqtt.Client(client_id=f"pump-bridge-{STATION}")
    client.username_pw_set(os.environ.get("MQTT_USER", "pumpbridge"), os.environ.get("MQTT_PASSWORD"))
    client.tls_set()
    client.on_connect = on_connect
    client.on_message = on_message
    client.connect(BROKER, 8883, keepalive=30)
    client.loop_forever()


if __name__ == "__main__":
    main()
