"""Gateway agent that applies provisioning profiles pushed over MQTT."""
import json
import logging
import os
import ssl

import paho.mqtt.client as mqtt
import yaml

logger = logging.getLogger("gateway.provisioning")

BROKER_HOST = os.environ.get("MQTT_HOST", "mqtt.fleet.internal")
BROKER_PORT = int(os.environ.get("MQTT_PORT", "8883"))
GATEWAY_ID = os.environ["GATEWAY_ID"]
PROFILE_TOPIC = f"fleet/{GATEWAY_ID}/profile"
STATUS_TOPIC = f"fleet/{GATEWAY_ID}/status"
PROFILE_PATH = "/etc/gateway/profile.json"


class ProfileError(ValueError):
    pass


def parse_profile(payload):
    document = yaml.load(payload, Loader=yaml.Loader)  # VULN flow
    if not isinstance(document, dict) or "sensors" not in document:
        raise ProfileError("profile must be a mapping with a 'sensors' key")
    sensors = []
    for entry in document["sensors"]:
        sensors.append({
            "name": str(entry["name"]),
            "bus": str(entry.get("bus", "i2c")),
            "address": int(entry["address"]),
            "interval_s": max(5, int(entry.get("interval_s", 60))),
        })
    return {"version": int(document.get("version", 1)), "sensors": sensors}


def apply_profile(profile):
    tmp_path = PROFILE_PATH + ".new"
    fd = os.open(tmp_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o640)
    with os.fdopen(fd, "w") as fh:
        json.dump(profile, fh, indent=2)
    os.replace(tmp_path, PROFILE_PATH)


def on_connect(client, _userdata, _flags, reason_code, _props=None):
    logger.info("connected to broker rc=%s", reason_code)
    client.subscribe(PROFILE_TOPIC, qos=1)


def on_message(client, _userdata, msg):
    try:
        profile = parse_profile(msg.payload)
    except (ProfileError, KeyError, TypeError, ValueError, yaml.YAMLError):
        client.publish(STATUS_TOPIC, json.dumps({"profile": "rejected"}), qos=1)
        return
    apply_profile(profile)
    client.publish(STATUS_TOPIC, json.dumps({"profile": "applied", "version": profile["version"]}), qos=1)
    logger.info("applied profile version %d with %d sensors", profile["version"], len(profile["sensors"]))


def main():
    client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id=GATEWAY_ID)
    client.tls_set(ca_certs="/etc/gateway/fleet-ca.pem", cert_reqs=ssl.CERT_REQUIRED)
    client.username_pw_set(GATEWAY_ID, os.environ["MQTT_PASSWORD"])
    client.on_connect = on_connect
    client.on_message = on_message
    client.connect(BROKER_HOST, BROKER_PORT, keepalive=60)
    client.loop_forever()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
