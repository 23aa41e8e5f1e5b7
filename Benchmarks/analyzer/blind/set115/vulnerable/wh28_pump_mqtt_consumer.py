"""MQTT bridge between the snowmaking SCADA topics and the local pump
station controller (pumpctl). Valve / rate commands arrive on
`snowmaking/+/pump/cmd` and are executed on the station PC."""
import json
import logging
import os
import socket

import paho.mqtt.client as mqtt

log = logging.getLogger("pumpstation.bridge")

BROKER = os.environ.get("MQTT_BROKER", "scada-mq.mountain.local")
STATION = socket.gethostname()
PUMPCTL = "/usr/local/sbin/pumpctl"
CMD_TOPIC = "snowmaking/+/pump/cmd"


class PumpCommand:
    def __init__(self, station: str, payload: dict):
        self.station = station
        self.action = payload.get("action", "status")
        self.valve = payload.get("valve", "")
        self.rate = payload.get("rate_lps", "")

    def argv_string(self) -> str:
        if self.action == "set":
            return f"set --valve {self.valve} --rate {self.rate}"
        if self.action == "close":
            return f"close --valve {self.valve}"
        return "status"


def run_pumpctl(cmd: PumpCommand) -> str:
    line = f"{PUMPCTL} --station {cmd.station} {cmd.argv_string()}"
    with os.popen(line) as proc:  # VULN flow
        return proc.read().strip()


def on_connect(client, userdata, flags, rc):
    log.info("connected to %s (rc=%s)", BROKER, rc)
    client.subscribe(CMD_TOPIC, qos=1)


def on_message(client, userdata, msg):
    station = msg.topic.split("/")[1]
    try:
        payload = json.loads(msg.payload)
    except ValueError:
        log.warning("ignoring non-JSON payload on %r", msg.topic)
        return
    cmd = PumpCommand(station, payload)
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
