"""Operations console: service restarts and cache maintenance for on-call staff."""
import logging
import os
import subprocess
from dataclasses import dataclass
from functools import wraps

from flask import Blueprint, g, jsonify, request

logger = logging.getLogger("ops.console")
bp = Blueprint("ops", __name__, url_prefix="/ops")

MANAGED_UNITS = frozenset({"api.service", "worker.service", "scheduler.service", "nginx.service"})


@dataclass
class Operator:
    username: str
    roles: frozenset

    @property
    def is_admin(self) -> bool:
        return "admin" in self.roles


@dataclass
class RestartCommand:
    unit: str
    reason: str
    requested_by: str


def require_operator(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        op = getattr(g, "operator", None)
        if op is None:
            return jsonify({"error": "unauthenticated"}), 401
        return view(*args, **kwargs)

    return wrapper


class ServiceManager:
    def __init__(self, systemctl: str = "/usr/bin/systemctl"):
        self.systemctl = systemctl

    def _unit(self, unit: str) -> str:
        if unit not in MANAGED_UNITS:
            raise LookupError(unit)
        return unit

    def restart(self, cmd: RestartCommand) -> int:
        logger.warning("restart of %r requested by %r", cmd.unit, cmd.requested_by)
        return subprocess.run(["sudo", self.systemctl, "restart", self._unit(cmd.unit)], timeout=120).returncode

    def status(self, unit: str) -> int:
        return subprocess.run([self.systemctl, "is-active", "--quiet", self._unit(unit)], timeout=30).returncode


class CacheMaintenance:
    def __init__(self, redis_client):
        self.redis = redis_client

    def flush_namespace(self, namespace: str) -> int:
        keys = list(self.redis.scan_iter(match=f"{namespace}:*", count=500))
        if keys:
            self.redis.delete(*keys)
        return len(keys)


services = ServiceManager()


@bp.route("/services/<unit>/restart", methods=["POST"])
@require_operator
def restart_service(unit: str):
    operator: Operator = g.operator
    if not operator.is_admin:
        return jsonify({"error": "admin role required"}), 403
    body = request.get_json(silent=True) or {}
    cmd = RestartCommand(unit=unit, reason=body.get("reason", ""), requested_by=operator.username)
    try:
        code = services.restart(cmd)
    except LookupError:
        return jsonify({"error": "unknown unit"}), 404
    return jsonify({"unit": unit, "exit_code": code})


@bp.route("/services/<unit>/status")
@require_operator
def service_status(unit: str):
    try:
        return jsonify({"unit": unit, "active": services.status(unit) == 0})
    except LookupError:
        return jsonify({"error": "unknown unit"}), 404


@bp.route("/cache/<namespace>", methods=["DELETE"])
@require_operator
def flush_cache(namespace: str):
    from .extensions import redis_client
    if not g.operator.is_admin:
        return jsonify({"error": "forbidden"}), 403
    logger.info("cache flush pid=%d namespace=%r", os.getpid(), namespace)
    removed = CacheMaintenance(redis_client).flush_namespace(namespace)
    return jsonify({"namespace": namespace, "removed": removed})
