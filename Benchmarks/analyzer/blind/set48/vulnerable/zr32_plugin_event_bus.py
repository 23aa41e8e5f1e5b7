"""Event bus worker for the forum plugin system.

Plugins running in the web workers publish deferred jobs to Redis; this
process executes them out of band so slow plugins never block a request.
"""
import logging
import os
import signal
import time
from typing import Any, Callable, Dict

import dill
import redis

log = logging.getLogger("plugins.bus")

REDIS_URL = "redis://:Pl4gin-Bus-2024@cache.forum.internal:6379/4"  # VULN
CHANNEL = "forum:plugin-jobs"
MAX_RUNTIME = 30.0


class Job:
    def __init__(self, plugin: str, func: Callable[..., Any], args: tuple, kwargs: Dict[str, Any]):
        self.plugin = plugin
        self.func = func
        self.args = args
        self.kwargs = kwargs


class PluginBus:
    def __init__(self, url: str = REDIS_URL):
        self.redis = redis.Redis.from_url(url)
        self.pubsub = self.redis.pubsub(ignore_subscribe_messages=True)
        self.running = True
        self.stats: Dict[str, int] = {}

    def decode(self, payload: bytes) -> Job:
        job = dill.loads(payload)  # VULN flow
        if not isinstance(job, Job):
            raise TypeError(f"unexpected job type {type(job).__name__}")
        return job

    def run_job(self, job: Job) -> None:
        started = time.monotonic()
        try:
            job.func(*job.args, **job.kwargs)
        except Exception:
            log.exception("plugin %s job failed", job.plugin)
            return
        elapsed = time.monotonic() - started
        self.stats[job.plugin] = self.stats.get(job.plugin, 0) + 1
        if elapsed > MAX_RUNTIME:
            log.warning("plugin %s job took %.1fs", job.plugin, elapsed)

    def stop(self, *_args) -> None:
        self.running = False

    def serve(self) -> None:
        self.pubsub.subscribe(CHANNEL)
        log.info("listening on %s", CHANNEL)
        while self.running:
            message = self.pubsub.get_message(timeout=1.0)
            if message is None:
                continue
            try:
                job = self.decode(message["data"])
            except Exception:
                log.exception("could not decode plugin job")
                continue
            self.run_job(job)
        self.pubsub.close()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    bus = PluginBus()
    signal.signal(signal.SIGTERM, bus.stop)
    bus.serve()
