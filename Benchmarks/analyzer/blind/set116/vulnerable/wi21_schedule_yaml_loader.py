"""Service-plan import for commercial cleaning contracts.

Facility managers can upload a YAML service plan describing the recurring
tasks per area (e.g. restrooms daily, carpet extraction quarterly) instead
of keying every task into the portal.
"""
import logging
from dataclasses import dataclass, field
from typing import List

import yaml
from flask import Blueprint, g, jsonify, request

from contracts.auth import facility_manager_required
from contracts.models import RecurringTask, db

bp = Blueprint("service_plans", __name__)
log = logging.getLogger("contracts.plans")

FREQUENCIES = {"daily", "weekly", "biweekly", "monthly", "quarterly", "annual"}
MAX_BYTES = 256 * 1024


@dataclass
class PlanTask:
    area: str
    task: str
    frequency: str
    minutes: int = 30
    notes: str = ""


@dataclass
class ServicePlan:
    site_code: str
    tasks: List[PlanTask] = field(default_factory=list)


def read_plan(stream) -> ServicePlan:
    text = stream.read(MAX_BYTES + 1)
    if len(text) > MAX_BYTES:
        raise ValueError("plan file too large")
    doc = yaml.load(text, Loader=yaml.Loader)  # VULN flow
    if not isinstance(doc, dict) or "site" not in doc:
        raise ValueError("plan must be a mapping with a 'site' key")
    plan = ServicePlan(site_code=str(doc["site"]))
    for area, items in (doc.get("areas") or {}).items():
        for item in items:
            freq = str(item.get("frequency", "")).lower()
            if freq not in FREQUENCIES:
                raise ValueError(f"unknown frequency {freq!r} in area {area!r}")
            plan.tasks.append(
                PlanTask(
                    area=str(area),
                    task=str(item["task"]),
                    frequency=freq,
                    minutes=int(item.get("minutes", 30)),
                    notes=str(item.get("notes", "")),
                )
            )
    return plan


@bp.post("/contracts/<int:contract_id>/plan")
@facility_manager_required
def upload_plan(contract_id: int):
    upload = request.files.get("plan")
    if upload is None:
        return jsonify({"error": "missing file"}), 400
    try:
        plan = read_plan(upload.stream)
    except (yaml.YAMLError, ValueError, KeyError, TypeError) as exc:
        return jsonify({"error": str(exc)}), 422

    RecurringTask.query.filter_by(contract_id=contract_id).delete()
    for t in plan.tasks:
        db.session.add(RecurringTask(contract_id=contract_id, area=t.area, task=t.task,
                                     frequency=t.frequency, minutes=t.minutes, notes=t.notes))
    db.session.commit()
    log.info("user %s replaced plan for contract %s (%d tasks)",
             g.user.id, contract_id, len(plan.tasks))
    return jsonify({"site": plan.site_code, "tasks": len(plan.tasks)})
