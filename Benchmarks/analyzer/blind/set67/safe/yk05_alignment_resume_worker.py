"""Resume worker for the alignment farm.

Compute nodes at partner sites push checkpoints of half-finished alignment
jobs onto the ``align:resume`` list; this worker restores them and re-queues
the chunks that still need to run.
"""
import base64
import json
import logging
import os
import signal
from dataclasses import dataclass, field
from typing import List, Tuple

import redis

log = logging.getLogger("resume-worker")

QUEUE = "align:resume"
CHUNK_QUEUE = "align:chunks"
_running = True


@dataclass
class Checkpoint:
    job_id: str
    sample_id: str
    reference: str
    done_chunks: List[int] = field(default_factory=list)
    total_chunks: int = 0


def _stop(signum, frame):
    global _running
    _running = False


def decode_message(raw: bytes) -> Tuple[str, bytes]:
    envelope = json.loads(raw)
    blob = base64.b64decode(envelope["state"])
    return envelope.get("node", "unknown"), blob


def restore_checkpoint(blob: bytes) -> Checkpoint:
    state = json.loads(blob)
    if not isinstance(state, dict):
        raise TypeError("unexpected checkpoint payload")
    return Checkpoint(
        job_id=str(state["job_id"]),
        sample_id=str(state["sample_id"]),
        reference=str(state["reference"]),
        done_chunks=[int(i) for i in state.get("done_chunks", [])],
        total_chunks=int(state.get("total_chunks", 0)),
    )


def requeue_remaining(conn: redis.Redis, cp: Checkpoint) -> int:
    done = set(cp.done_chunks)
    remaining = [i for i in range(cp.total_chunks) if i not in done]
    for idx in remaining:
        conn.rpush(CHUNK_QUEUE, json.dumps({
            "job_id": cp.job_id,
            "sample_id": cp.sample_id,
            "reference": cp.reference,
            "chunk": idx,
        }))
    return len(remaining)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    conn = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))
    while _running:
        item = conn.blpop(QUEUE, timeout=5)
        if item is None:
            continue
        _, raw = item
        try:
            node, blob = decode_message(raw)
            cp = restore_checkpoint(blob)
        except Exception:
            log.exception("dropping malformed checkpoint")
            continue
        count = requeue_remaining(conn, cp)
        log.info("job %r from node %r: %d chunks requeued", cp.job_id, node, count)


if __name__ == "__main__":
    main()
