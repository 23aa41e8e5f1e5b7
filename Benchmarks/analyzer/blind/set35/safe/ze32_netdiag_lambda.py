"""API Gateway Lambda: network diagnostics for the support console."""
import ipaddress
import json
import logging
import re
import subprocess

logger = logging.getLogger()
logger.setLevel(logging.INFO)

HOSTNAME_RE = re.compile(r"(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*")
RECORD_TYPES = {"A", "AAAA", "CNAME", "MX", "NS", "TXT"}


def _response(status, body):
    return {
        "statusCode": status,
        "headers": {"Content-Type": "application/json"},
        "body": json.dumps(body),
    }


def _valid_target(target):
    try:
        ipaddress.ip_address(target)
        return True
    except ValueError:
        return HOSTNAME_RE.fullmatch(target) is not None


def _clamp(value, low, high):
    return max(low, min(int(value), high))


def _run(command):
    proc = subprocess.run(command, capture_output=True, text=True, timeout=20)
    return {"exit_code": proc.returncode, "output": proc.stdout[-4000:]}


def ping(target, params):
    count = _clamp(params.get("count", 3), 1, 10)
    return _run(["ping", "-c", str(count), "-W", "2", target])


def traceroute(target, params):
    hops = _clamp(params.get("max_hops", 15), 1, 30)
    return _run(["traceroute", "-m", str(hops), target])


def dig(target, params):
    record_type = str(params.get("type", "A")).upper()
    return _run(["dig", "+short", target, record_type if record_type in RECORD_TYPES else "A"])


TOOLS = {"ping": ping, "traceroute": traceroute, "dig": dig}


def lambda_handler(event, context):
    claims = event.get("requestContext", {}).get("authorizer", {}).get("claims", {})
    groups = claims.get("cognito:groups", "").split(",")
    if "support" not in groups:
        return _response(403, {"error": "forbidden"})
    try:
        body = json.loads(event.get("body") or "{}")
    except json.JSONDecodeError:
        return _response(400, {"error": "invalid JSON"})
    tool_name = str(body.get("tool", ""))
    tool = TOOLS.get(tool_name)
    if tool is None:
        return _response(400, {"error": "unknown tool", "available": sorted(TOOLS)})
    target = str(body.get("target", "")).strip()
    if not _valid_target(target):
        return _response(400, {"error": "target must be an IP address or hostname"})
    try:
        result = tool(target, body.get("params") or {})
    except (TypeError, ValueError):
        return _response(400, {"error": "invalid parameters"})
    logger.info("diagnostic %r on %r by %r", tool_name, target, claims.get("email"))
    return _response(200, result)
