"""Field-technician diagnostics: check whether a meter's comms module is reachable."""
import ipaddress
import logging
import re
import subprocess

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.views.decorators.http import require_GET

log = logging.getLogger("noc.diag")

PING_TIMEOUT = 30
HOSTNAME_RE = re.compile(r"^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9-]{1,63})*$")


class DiagnosticError(Exception):
    pass


def validate_host(host: str) -> str:
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        if HOSTNAME_RE.match(host):
            return host
    raise DiagnosticError("invalid host")


def run_ping(host: str, count: str) -> str:
    cmd = ["ping", "-c", str(max(1, min(int(count), 10))), "-W", "2", host]
    try:
        return subprocess.check_output(cmd, stderr=subprocess.STDOUT,
                                       timeout=PING_TIMEOUT, text=True)
    except subprocess.CalledProcessError as exc:
        return exc.output
    except subprocess.TimeoutExpired:
        raise DiagnosticError("ping timed out")


def run_traceroute(host: str) -> str:
    proc = subprocess.run(["traceroute", "-m", "12", "-w", "2", host],
                          capture_output=True, text=True, timeout=PING_TIMEOUT)
    return proc.stdout


def packet_loss(output: str):
    for line in output.splitlines():
        if "packet loss" in line:
            for part in line.split(","):
                if "packet loss" in part:
                    return part.strip().split("%")[0]
    return None


@login_required
@require_GET
def meter_reachability(request):
    host = request.GET.get("host", "").strip()
    count = request.GET.get("count", "3")
    if not host:
        return JsonResponse({"error": "host is required"}, status=400)
    log.info("reachability check by %s for %r", request.user.pk, host)
    try:
        host = validate_host(host)
        output = run_ping(host, count)
    except ValueError:
        return JsonResponse({"error": "count must be an integer"}, status=400)
    except DiagnosticError as exc:
        return JsonResponse({"host": host, "error": str(exc)}, status=504)
    result = {"host": host, "loss_pct": packet_loss(output), "ping": output}
    if request.GET.get("trace") == "1":
        result["traceroute"] = run_traceroute(host)
    return JsonResponse(result)
