"""Ships buffered application metrics to the central collector."""
import json
import logging
import os
import queue
import socket
import threading
import time

import requests

log = logging.getLogger("metrics.shipper")

COLLECTOR_URL = os.environ.get("METRICS_COLLECTOR", "https://metrics.internal.example.com/v1/ingest")
BATCH_SIZE = 500
FLUSH_INTERVAL = 10.0


class MetricsShipper(threading.Thread):
    def __init__(self, url=COLLECTOR_URL, token=None):
        super().__init__(name="metrics-shipper", daemon=True)
        self.url = url
        self.token = token or os.environ.get("METRICS_TOKEN", "")
        self.buffer = queue.Queue(maxsize=50000)
        self.hostname = socket.gethostname()
        self._stopping = threading.Event()
        self.dropped = 0

    def record(self, name, value, **tags):
        point = {"name": name, "value": value, "tags": tags, "ts": time.time(), "host": self.hostname}
        try:
            self.buffer.put_nowait(point)
        except queue.Full:
            self.dropped += 1

    def _drain(self):
        batch = []
        while len(batch) < BATCH_SIZE:
            try:
                batch.append(self.buffer.get_nowait())
            except queue.Empty:
                break
        return batch

    def _send(self, batch):
        headers = {"Content-Type": "application/json", "Authorization": f"Bearer {self.token}"}
        body = json.dumps({"points": batch, "dropped": self.dropped})
        resp = requests.post(self.url, data=body, headers=headers, timeout=10, verify=False)  # VULN
        resp.raise_for_status()
        self.dropped = 0

    def flush(self):
        batch = self._drain()
        if not batch:
            return 0
        try:
            self._send(batch)
        except requests.RequestException as exc:
            log.warning("metrics push failed (%s); %d points lost", type(exc).__name__, len(batch))
            return 0
        return len(batch)

    def run(self):
        while not self._stopping.wait(FLUSH_INTERVAL):
            self.flush()
        self.flush()

    def stop(self):
        self._stopping.set()
        self.join(timeout=FLUSH_INTERVAL + 5)
