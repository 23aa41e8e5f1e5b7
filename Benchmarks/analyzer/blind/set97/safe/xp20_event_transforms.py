"""Transformation stage of the ingestion pipeline.

Projects can attach transformations (edited in the project settings UI) that
run on every event before it is written to the warehouse.  Each
transformation picks one of the built-in operations and supplies JSON params.
"""
import json
import logging
import sqlite3
from dataclasses import dataclass
from typing import Callable, Optional

log = logging.getLogger("pipeline.transforms")

TransformFn = Callable[[dict], Optional[dict]]


def _drop_property(event: dict, prop: str) -> dict:
    event.get("properties", {}).pop(prop, None)
    return event


def _rename_property(event: dict, old: str, new: str) -> dict:
    props = event.get("properties", {})
    if old in props:
        props[new] = props.pop(old)
    return event


def _drop_event(event: dict, names: list) -> Optional[dict]:
    return None if event.get("event") in names else event


BUILTINS = {
    "drop_property": _drop_property,
    "rename_property": _rename_property,
    "drop_event": _drop_event,
}


@dataclass
class Transformation:
    name: str
    source: str
    enabled: bool = True


class TransformRunner:
    def __init__(self, transformations: list[Transformation]):
        self._compiled: list[tuple[str, TransformFn]] = []
        for t in transformations:
            if not t.enabled:
                continue
            spec = json.loads(t.source)
            op = BUILTINS.get(spec.get("op"))
            params = spec.get("params", {})
            if op is not None and isinstance(params, dict):
                self._compiled.append((t.name, lambda ev, op=op, params=params: op(ev, **params)))
            else:
                log.warning("transformation %r has an unknown operation", t.name)

    def run(self, event: dict) -> Optional[dict]:
        for name, fn in self._compiled:
            try:
                event = fn(event)
            except Exception:
                log.exception("transformation %r failed; passing event through", name)
                continue
            if event is None:
                return None
        return event


def load_project_transforms(conn: sqlite3.Connection, project_id: int) -> list[Transformation]:
    rows = conn.execute(
        "SELECT name, source, enabled FROM transformations WHERE project_id = ? ORDER BY position",
        (project_id,),
    )
    return [Transformation(name, source, bool(enabled)) for name, source, enabled in rows]


def process_batch(conn: sqlite3.Connection, project_id: int, events: list[dict]) -> list[dict]:
    runner = TransformRunner(load_project_transforms(conn, project_id))
    out = []
    for event in events:
        result = runner.run(event)
        if result is not None:
            out.append(result)
    log.info("project %d: %d in, %d out", project_id, len(events), len(out))
    return out
