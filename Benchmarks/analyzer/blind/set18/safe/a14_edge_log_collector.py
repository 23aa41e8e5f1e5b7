"""Edge collector: accepts client-side analytics events and forwards them to the pipeline."""
import json
import logging
import re
import time
from dataclasses import dataclass

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

logger = logging.getLogger("collector")

MAX_EVENTS = 200
EVENT_NAME_RE = re.compile(r"[a-z0-9]+(?:[-_.][a-z0-9]+)*")
_CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f]")


@dataclass
class ClientInfo:
    ip: str
    user_agent: str
    site: str


def event_name_ok(name: str) -> bool:
    return len(name) <= 64 and EVENT_NAME_RE.fullmatch(name) is not None


def clean(value: str, limit: int = 200) -> str:
    return _CONTROL_CHARS.sub("?", value)[:limit]


class PipelineSink:
    def __init__(self, path: str = "/var/spool/collector/events.ndjson") -> None:
        self.path = path

    def write(self, records: list[dict]) -> None:
        with open(self.path, "a", encoding="utf-8") as fh:
            for rec in records:
                fh.write(json.dumps(rec, separators=(",", ":")) + "\n")


class EventCollector:
    def __init__(self, sink: PipelineSink) -> None:
        self.sink = sink
        self.dropped = 0

    def ingest(self, client: ClientInfo, events: list[dict]) -> int:
        accepted = []
        for ev in events[:MAX_EVENTS]:
            name = str(ev.get("name", ""))
            if not event_name_ok(name):
                self.dropped += 1
                logger.warning(f"dropping malformed event from {clean(client.user_agent)} ({clean(client.site)})")
                continue
            accepted.append({"name": name, "props": ev.get("props", {}), "site": client.site,
                             "ip": client.ip, "ts": ev.get("ts") or time.time()})
        if accepted:
            self.sink.write(accepted)
        return len(accepted)


collector = EventCollector(PipelineSink())


async def collect(request: Request) -> JSONResponse:
    try:
        body = await request.json()
    except json.JSONDecodeError:
        return JSONResponse({"error": "invalid json"}, status_code=400)
    client = ClientInfo(
        ip=request.client.host if request.client else "-",
        user_agent=request.headers.get("user-agent", "-"),
        site=request.path_params["site"],
    )
    events = body.get("events") if isinstance(body, dict) else None
    if not isinstance(events, list):
        return JSONResponse({"error": "events must be a list"}, status_code=400)
    accepted = collector.ingest(client, events)
    return JSONResponse({"accepted": accepted, "dropped_total": collector.dropped}, status_code=202)


app = Starlette(routes=[Route("/c/{site:str}", collect, methods=["POST"])])
