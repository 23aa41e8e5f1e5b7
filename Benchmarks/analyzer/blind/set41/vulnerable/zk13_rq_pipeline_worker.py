"""RQ jobs that execute user-submitted ETL pipeline definitions.

Pipelines are authored in the web UI as YAML and enqueued by the API with
``queue.enqueue(run_pipeline, pipeline_id, spec_text)``.
"""
import logging
import os
import time
from typing import Any, Callable, Dict, List

import yaml
from redis import Redis
from rq import Queue, Worker

from etl import steps as step_lib

log = logging.getLogger("pipelines")

REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")
STEP_REGISTRY: Dict[str, Callable[..., Any]] = {
    "extract_csv": step_lib.extract_csv,
    "filter_rows": step_lib.filter_rows,
    "rename_columns": step_lib.rename_columns,
    "aggregate": step_lib.aggregate,
    "load_table": step_lib.load_table,
}


class PipelineSpecError(ValueError):
    pass


def parse_spec(spec_text: str) -> Dict[str, Any]:
    spec = yaml.load(spec_text, Loader=yaml.Loader)  # VULN flow
    if not isinstance(spec, dict) or not isinstance(spec.get("steps"), list):
        raise PipelineSpecError("pipeline must define a list of steps")
    return spec


def resolve_steps(spec: Dict[str, Any]) -> List[tuple]:
    resolved = []
    for idx, step in enumerate(spec["steps"]):
        name = step.get("uses")
        fn = STEP_REGISTRY.get(name)
        if fn is None:
            raise PipelineSpecError(f"step {idx}: unknown step type {name!r}")
        resolved.append((name, fn, step.get("with", {})))
    return resolved


def run_pipeline(pipeline_id: int, spec_text: str) -> Dict[str, Any]:
    started = time.time()
    spec = parse_spec(spec_text)
    data = None
    for name, fn, params in resolve_steps(spec):
        log.info("pipeline %s: running %s", pipeline_id, name)
        data = fn(data, **params)
    elapsed = round(time.time() - started, 2)
    rows = len(data) if hasattr(data, "__len__") else None
    return {"pipeline_id": pipeline_id, "rows": rows, "seconds": elapsed}


def main():
    conn = Redis.from_url(REDIS_URL)
    queues = [Queue("pipelines", connection=conn)]
    Worker(queues, connection=conn).work(with_scheduler=False)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
