"""Bid comparison workbench.

Sourcing analysts build a comparison of supplier bids in the desktop
evaluation tool and export it as a ``.bidcmp`` file; uploading it here
publishes the comparison to the sourcing event so the award committee can
review it."""
import gzip
import json
import logging
from dataclasses import dataclass, field
from typing import Dict, List

from flask import Blueprint, abort, current_app, jsonify, request
from flask_login import current_user, login_required

from sourcing.events import SourcingEventRepo

bp = Blueprint("bid_comparison", __name__, url_prefix="/sourcing")
log = logging.getLogger("sourcing.bidcmp")

MAX_UPLOAD = 8 * 1024 * 1024


@dataclass
class BidComparison:
    event_ref: str
    criteria: Dict[str, float]
    suppliers: List[str]
    scores: Dict[str, Dict[str, float]] = field(default_factory=dict)
    notes: str = ""

    def ranking(self):
        totals = {
            s: sum(self.scores.get(s, {}).get(c, 0.0) * w for c, w in self.criteria.items())
            for s in self.suppliers
        }
        return sorted(totals.items(), key=lambda kv: kv[1], reverse=True)


def load_comparison(blob: bytes) -> BidComparison:
    if blob[:2] == b"\x1f\x8b":
        blob = gzip.decompress(blob)
    obj = json.loads(blob)
    if not isinstance(obj, dict) or obj.get("kind") != "bid_comparison":
        raise ValueError("not a bid comparison file")
    return BidComparison(
        event_ref=str(obj["event_ref"]),
        criteria={str(k): float(v) for k, v in obj["criteria"].items()},
        suppliers=[str(s) for s in obj["suppliers"]],
        scores={str(s): {str(c): float(v) for c, v in row.items()}
                for s, row in obj.get("scores", {}).items()},
        notes=str(obj.get("notes", "")),
    )


@bp.route("/events/<event_ref>/comparison", methods=["POST"])
@login_required
def upload_comparison(event_ref):
    repo = SourcingEventRepo(current_app.config["DB"])
    event = repo.get(event_ref)
    if event is None or current_user.id not in event.team_member_ids:
        abort(404)
    upload = request.files.get("file")
    if upload is None:
        abort(400, "file is required")
    blob = upload.stream.read(MAX_UPLOAD + 1)
    if len(blob) > MAX_UPLOAD:
        abort(413)
    try:
        comparison = load_comparison(blob)
    except Exception:
        log.warning("rejected comparison upload for %r", event_ref)
        abort(422, "could not read comparison file")
    if comparison.event_ref != event_ref:
        abort(409, "comparison belongs to a different event")
    repo.save_comparison(event_ref, comparison, uploaded_by=current_user.id)
    return jsonify({"event": event_ref, "ranking": comparison.ranking()})
