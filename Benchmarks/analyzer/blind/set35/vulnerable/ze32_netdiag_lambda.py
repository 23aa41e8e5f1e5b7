"""API Gateway Lambda: network diagnostics for the support console."""
import json
import logging
import subprocess

logger = logging.getLogger()
logger.setLevel(logging.INFO)


def _response(status, body):
    return {
        "statusCode": status,
        "headers": {"Content-Type": "application/json"},
        "body": json.dumps(body),
    }


def _run(command):
    proc = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=20)  # VULN flow
    return {"exit_code": proc.returncode, "output": proc.stdout[-4000:]}


def ping(target, params):
    count = params.get("count", 3)
    return _run(f"ping -c {count} -W 2 {target}")


def traceroute(target, params):
    hops = params.get("max_hops", 15)
    return _run(f"traceroute -m {hops} {target}")


def dig(target, params):
    record_type = params.get("type", "A")
    return _run(f"dig +short {target} {record_type}")


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
    if not target:
        return _response(400, {"error": "target required"})
    result = tool(target, body.get("params") or {})
    logger.info("diagnostic %r on %r by %r", tool_name, target, claims.get("email"))
    return _response(200, result)
