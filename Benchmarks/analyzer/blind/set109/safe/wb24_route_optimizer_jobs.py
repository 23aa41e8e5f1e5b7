"""Django API for submitting route-optimisation jobs.

Planners can resume from a previous solver state (exported from the desktop
planning tool) to avoid re-solving the whole week from scratch.
"""
import json
import logging
import uuid

from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_POST

from .solver import SolverState, enqueue_solve

log = logging.getLogger("optimiser.api")

MAX_STOPS = 4000


def restore_state(blob: str) -> SolverState:
    data = json.loads(blob)
    if not isinstance(data, dict):
        raise ValueError("warm start is not a solver state")
    return SolverState(
        routes=[[str(stop) for stop in route] for route in data["routes"]],
        objective=float(data["objective"]),
        iteration=int(data.get("iteration", 0)),
    )


def _validate_vehicles(vehicles):
    out = []
    for v in vehicles:
        out.append({"truck_id": str(v["truck_id"]), "capacity_kg": int(v["capacity_kg"]),
                    "shift_minutes": int(v.get("shift_minutes", 480))})
    return out


@login_required
@require_POST
def submit_job(request):
    try:
        payload = json.loads(request.body)
        depot = str(payload["depot"])
        stops = payload["stops"]
        vehicles = _validate_vehicles(payload["vehicles"])
    except (ValueError, KeyError, TypeError) as exc:
        return JsonResponse({"error": f"invalid job: {exc}"}, status=400)
    if not stops or len(stops) > MAX_STOPS:
        return HttpResponseBadRequest("stop count out of range")

    warm = payload.get("warm_start")
    state = None
    if warm:
        try:
            state = restore_state(warm)
        except Exception as exc:  # noqa: BLE001
            log.info("ignoring unusable warm start: %r", exc)

    job_id = uuid.uuid4().hex
    enqueue_solve(job_id=job_id, depot=depot, stops=stops, vehicles=vehicles,
                  warm_start=state, requested_by=request.user.pk)
    log.info("queued optimiser job %s (%d stops, warm=%s)", job_id, len(stops), state is not None)
    return JsonResponse({"job_id": job_id, "warm_start_used": state is not None}, status=202)
