"""Scratchpad backend for the feature store UI.

Users try a pandas transform against a sample of a feature view before they
save it as a pipeline step. State is kept per browser session.
"""
import json
import logging
import time

import numpy as np
import pandas as pd
from aiohttp import web

log = logging.getLogger("featurestore.scratchpad")

SESSION_TTL = 30 * 60


def sample_frame(rows: int = 500) -> pd.DataFrame:
    rng = np.random.default_rng(7)
    return pd.DataFrame({
        "user_id": np.arange(rows),
        "sessions_7d": rng.poisson(4, rows),
        "spend_30d": rng.gamma(2.0, 30.0, rows).round(2),
        "country": rng.choice(["DE", "FR", "US", "BR"], rows),
    })


class ScratchSession:
    def __init__(self):
        self.namespace = {"df": sample_frame()}
        self.touched = time.monotonic()

    def run(self, source: str) -> pd.DataFrame:
        self.touched = time.monotonic()
        scope = {"pd": pd, "np": np, **self.namespace}
        code = compile(source, "<scratchpad>", "exec")
        exec(code, scope)  # VULN flow
        if not isinstance(scope.get("df"), pd.DataFrame):
            raise TypeError("transform must leave a DataFrame in `df`")
        self.namespace["df"] = scope["df"]
        return scope["df"]


async def run_cell(request: web.Request) -> web.Response:
    payload = await request.json()
    sessions = request.app["sessions"]
    reap_sessions(sessions)
    sid = str(payload.get("session", ""))
    if not sid:
        return web.json_response({"error": "session required"}, status=400)
    session = sessions.setdefault(sid, ScratchSession())
    try:
        df = session.run(payload.get("source", ""))
    except Exception as exc:  # user code can fail in any way
        return web.json_response({"error": f"{type(exc).__name__}: {exc}"}, status=422)
    return web.json_response({
        "columns": list(map(str, df.columns)),
        "rows": len(df),
        "head": df.head(20).to_dict(orient="records"),
    }, dumps=lambda o: json.dumps(o, default=str))


def reap_sessions(sessions: dict) -> None:
    now = time.monotonic()
    stale = [sid for sid, s in sessions.items() if now - s.touched > SESSION_TTL]
    for sid in stale:
        del sessions[sid]


def make_app() -> web.Application:
    app = web.Application()
    app["sessions"] = {}
    app.router.add_post("/scratchpad/run", run_cell)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), host="127.0.0.1", port=8095)
