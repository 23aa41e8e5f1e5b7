"""Stores per-user dashboard layouts that the front-end sends as serialized objects."""
import json
import logging
from dataclasses import asdict, dataclass, field

from fastapi import Depends, FastAPI, HTTPException, Request

log = logging.getLogger("dashboards")
app = FastAPI(title="dashboards")
LAYOUTS: dict[int, "DashboardLayout"] = {}
MAX_BODY = 64 * 1024
WIDGET_KINDS = {"chart", "table", "counter", "text", "map"}


@dataclass
class Widget:
    kind: str
    x: int
    y: int
    width: int = 4
    height: int = 3
    options: dict = field(default_factory=dict)


@dataclass
class DashboardLayout:
    title: str
    columns: int = 12
    widgets: list = field(default_factory=list)


def current_user_id(request: Request) -> int:
    user_id = request.scope.get("user_id")
    if user_id is None:
        raise HTTPException(status_code=401, detail="not signed in")
    return int(user_id)


def layout_from_dict(data) -> DashboardLayout:
    widgets = []
    for item in data.get("widgets", []):
        widget = Widget(
            kind=str(item["kind"]), x=int(item["x"]), y=int(item["y"]),
            width=int(item.get("width", 4)), height=int(item.get("height", 3)),
            options=dict(item.get("options", {})),
        )
        if widget.kind not in WIDGET_KINDS:
            raise ValueError("unknown widget kind")
        widgets.append(widget)
    return DashboardLayout(title=str(data["title"]), columns=int(data.get("columns", 12)), widgets=widgets)


async def read_layout(request: Request) -> DashboardLayout:
    body = await request.body()
    if len(body) > MAX_BODY:
        raise HTTPException(status_code=413, detail="layout too large")
    text = body.decode("utf-8")
    try:
        layout = layout_from_dict(json.loads(text))
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise HTTPException(status_code=422, detail="not a dashboard layout") from exc
    return layout


@app.put("/me/dashboard")
async def save_dashboard(request: Request, user_id: int = Depends(current_user_id)):
    layout = await read_layout(request)
    LAYOUTS[user_id] = layout
    log.info("user %d saved dashboard with %d widgets", user_id, len(layout.widgets))
    return {"saved": True, "widgets": len(layout.widgets)}


@app.get("/me/dashboard")
async def load_dashboard(user_id: int = Depends(current_user_id)):
    layout = LAYOUTS.get(user_id)
    if layout is None:
        return {"title": "My dashboard", "columns": 12, "widgets": []}
    return asdict(layout)
