"""Consumes OTA update status reports from vehicle telematics units.

Each unit publishes to fleet/<vin>/ota/status after downloading an
update bundle. For failed installs the consumer pulls the unit's
uploaded install log from the log bucket mount and greps out the
error lines for the support ticket.
"""
import json
import logging
import os
import subprocess

import paho.mqtt.client as mqtt

log = logging.getLogger("ota-consumer")

BROKER = os.environ.get("MQTT_BROKER", "mqtt.fleet.internal")
LOG_MOUNT = "/mnt/unit-logs"
TOPIC = "fleet/+/ota/status"


class StatusReport:
    def __init__(self, vin, payload):
        self.vin = vin
        self.bundle = payload.get("bundle", "")
        self.state = payload.get("state", "unknown")
        self.log_file = payload.get("log_file", "install.log")
        self.error_code = payload.get("error_code")

    @property
    def log_path(self):
        return "%s/%s/%s" % (LOG_MOUNT, self.vin, os.path.basename(self.log_file))


def extract_errors(report: StatusReport, max_lines: int = 40) -> str:
    cmd = ["grep", "-iE", "error|fail|abort", "--", report.log_path]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=30)
    return "\n".join(result.stdout.splitlines()[-max_lines:])


def open_ticket(report: StatusReport, excerpt: str):
    ticket = {
        "vin": report.vin,
        "bundle": report.bundle,
        "error_code": report.error_code,
        "excerpt": excerpt[-4000:],
    }
    with open("/var/spool/ota-tickets/%s.json" % report.vin, "w") as fh:
        json.dump(ticket, fh)


def on_message(client, userdata, msg):
    parts = msg.topic.split("/")
    if len(parts) != 4 or len(parts[1]) != 17 or not parts[1].isalnum():
        return
    try:
        payload = json.loads(msg.payload)
    except ValueError:
        log.warning("bad payload on %r", msg.topic)
        return
    report = StatusReport(parts[1], payload)
    if report.state != "failed":
        return
    excerpt = extract_errors(report)
    open_ticket(report, excerpt)
    log.info("ticket opened for %s (%d bytes of log)", report.vin, len(excerpt))


def on_connect(client, userdata, flags, rc):
    client.subscribe(TOPIC, qos=1)


def main():
    logging.basicConfig(level=logging.INFO)
    client = mqtt.Client(client_id="ota-status-consumer")
    client.username_pw_set(os.environ["MQTT_USER"], os.environ["MQTT_PASSWORD"])
    client.tls_set()
    client.on_connect = on_connect
    client.on_message = on_message
    client.connect(BROKER, 8883, keepalive=60)
    client.loop_forever()


if __name__ == "__main__":
    main()
