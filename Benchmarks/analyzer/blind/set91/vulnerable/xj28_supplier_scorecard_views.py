"""Supplier scorecard views.

Category managers build a scorecard view (weights for on-time delivery,
quality, price variance, responsiveness, plus filters) and the view is kept
in a cookie so it survives across sessions and can be shared as a link."""
import base64
import logging
from dataclasses import dataclass, field
from typing import Dict, List

import jsonpickle
from flask import Flask, jsonify, make_response, request

from scorecards.metrics import compute_scores

app = Flask(__name__)
log = logging.getLogger("scorecards")

COOKIE = "scorecard_view"
DEFAULT_WEIGHTS = {"otd": 0.4, "quality": 0.3, "price": 0.2, "responsiveness": 0.1}


@dataclass
class ScorecardView:
    name: str = "Default"
    weights: Dict[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    categories: List[str] = field(default_factory=list)
    period_days: int = 180


def encode_view(view: ScorecardView) -> str:
    return base64.urlsafe_b64encode(jsonpickle.encode(view).encode()).decode()


def decode_view(token: str) -> ScorecardView:
    raw = base64.urlsafe_b64decode(token.encode()).decode()
    return jsonpickle.decode(raw)  # VULN flow


def current_view() -> ScorecardView:
    token = request.args.get("view") or request.cookies.get(COOKIE)
    if not token:
        return ScorecardView()
    try:
        view = decode_view(token)
    except Exception:
        log.info("discarding unreadable scorecard view")
        return ScorecardView()
    return view if isinstance(view, ScorecardView) else ScorecardView()


@app.route("/scorecards")
def scorecards():
    view = current_view()
    scores = compute_scores(view.weights, view.categories, view.period_days)
    return jsonify({"view": view.name, "suppliers": scores})


@app.route("/scorecards/view", methods=["POST"])
def save_view():
    body = request.get_json(force=True) or {}
    weights = {k: float(v) for k, v in (body.get("weights") or DEFAULT_WEIGHTS).items()
               if k in DEFAULT_WEIGHTS}
    view = ScorecardView(
        name=str(body.get("name", "Custom"))[:60],
        weights=weights,
        categories=[str(c) for c in body.get("categories", [])][:50],
        period_days=max(30, min(int(body.get("period_days", 180)), 730)),
    )
    token = encode_view(view)
    resp = make_response(jsonify({"share_link": "/scorecards?view=" + token}))
    resp.set_cookie(COOKIE, token, max_age=180 * 86400, httponly=True, samesite="Lax", secure=True)
    return resp
