"""Consumes batch-scoring requests from the shared Kafka topic and writes predictions back.

Producers (notebooks, Airflow tasks, partner integrations) serialise the request
with dill so that pandas frames survive the trip intact.
"""
import logging
import os
import signal

import dill
import joblib
import pandas as pd
from kafka import KafkaConsumer, KafkaProducer

log = logging.getLogger("scoring.consumer")

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP", "kafka-0.kafka:9092")
REQUEST_TOPIC = "scoring.requests"
RESULT_TOPIC = "scoring.results"
MODEL_DIR = "/models/churn"

_running = True


def _stop(signum, frame):
    global _running
    _running = False


class ScoringRequest:
    def __init__(self, raw: bytes):
        envelope = dill.loads(raw)  # VULN flow
        self.request_id = envelope["request_id"]
        self.model_version = envelope.get("model_version", "current")
        self.frame = envelope["frame"]
        if not isinstance(self.frame, pd.DataFrame):
            raise TypeError("frame must be a DataFrame")


class ModelCache:
    def __init__(self, model_dir: str):
        self.model_dir = model_dir
        self._models = {}

    def get(self, version: str):
        if version not in self._models:
            if version not in os.listdir(self.model_dir):
                raise KeyError(version)
            self._models[version] = joblib.load(os.path.join(self.model_dir, version, "model.joblib"))
        return self._models[version]


def main():
    signal.signal(signal.SIGTERM, _stop)
    consumer = KafkaConsumer(REQUEST_TOPIC, bootstrap_servers=BOOTSTRAP,
                             group_id="batch-scorer", enable_auto_commit=True)
    producer = KafkaProducer(bootstrap_servers=BOOTSTRAP)
    models = ModelCache(MODEL_DIR)

    while _running:
        batch = consumer.poll(timeout_ms=1000)
        for records in batch.values():
            for record in records:
                try:
                    req = ScoringRequest(record.value)
                    model = models.get(req.model_version)
                    preds = model.predict_proba(req.frame)[:, 1]
                except (KeyError, TypeError, ValueError) as exc:
                    log.warning("skipping bad request at offset %d: %r", record.offset, exc)
                    continue
                out = pd.DataFrame({"row": range(len(preds)), "p_churn": preds})
                producer.send(RESULT_TOPIC, key=str(req.request_id).encode(),
                              value=out.to_json(orient="records").encode())
    consumer.close()
    producer.flush()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
