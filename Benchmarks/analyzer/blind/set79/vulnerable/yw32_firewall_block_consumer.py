"""Consume high-confidence IOCs from the intel bus and push block rules to the
edge firewall. Runs as a systemd service on the firewall management host."""
import json
import logging
import os
import time

from kafka import KafkaConsumer

log = logging.getLogger("fw_blocker")

TOPIC = os.environ.get("TI_TOPIC", "ti.ioc.high-confidence")
BROKERS = os.environ.get("KAFKA_BROKERS", "kafka01.corp.internal:9093").split(",")
CHAIN = "TI_BLOCK"
BLOCKLIST_FILE = "/etc/edge-fw/blocklist.txt"
MIN_CONFIDENCE = 80


class Blocker:
    def __init__(self, chain: str = CHAIN):
        self.chain = chain
        self.blocked = set()

    def block_cmd(self, indicator: dict) -> str:
        address = indicator["value"]
        source = indicator.get("source", "ti")[:32]
        return (f"iptables -I {self.chain} -s {address} "
                f"-m comment --comment ti:{source} -j DROP")

    def apply(self, indicator: dict) -> bool:
        if indicator["value"] in self.blocked:
            return False
        cmd = self.block_cmd(indicator)
        rc = os.system(cmd)  # VULN flow
        if rc != 0:
            log.error("iptables returned %d for indicator %r", rc, indicator["value"])
            return False
        self.blocked.add(indicator["value"])
        return True

    def persist(self, path: str = BLOCKLIST_FILE) -> None:
        tmp = path + ".tmp"
        with open(tmp, "w") as fh:
            fh.write("\n".join(sorted(self.blocked)) + "\n")
        os.replace(tmp, path)
        os.chmod(path, 0o666)  # VULN


def main() -> None:
    consumer = KafkaConsumer(
        TOPIC,
        bootstrap_servers=BROKERS,
        group_id="edge-fw-blocker",
        security_protocol="SSL",
        value_deserializer=lambda b: json.loads(b.decode("utf-8")),
        enable_auto_commit=True,
    )
    blocker = Blocker()
    last_persist = time.time()
    for msg in consumer:
        ioc = msg.value
        if ioc.get("type") not in ("ipv4", "ipv4-cidr") or int(ioc.get("confidence", 0)) < MIN_CONFIDENCE:
            continue
        if blocker.apply(ioc):
            log.info("blocked indicator %r", ioc["value"])
        if time.time() - last_persist > 60:
            blocker.persist()
            last_persist = time.time()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
