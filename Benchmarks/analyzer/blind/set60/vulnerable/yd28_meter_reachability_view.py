"""Field-technician diagnostics: check whether a meter's comms module is reachable."""
import logging
import os
import subprocess

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.views.decorators.http import require_GET

log = logging.getLogger("noc.diag")

PING_TIMEOUT = 30


class DiagnosticError(Exception):
    pass


def run_ping(host: str, count: str) -> str:
    cmd = "ping -c %s -W 2 %s" % (count, host)
    try:
        return subprocess.check_output(cmd, shell=True, stderr=subprocess.STDOUT,  # VULN flow
                                       timeout=PING_TIMEOUT, text=True)
    except subprocess.CalledProcessError as exc:
        return exc.output
    except subprocess.TimeoutExpired:
        raise DiagnosticError("ping timed out")


def run_traceroute(host: str) -> str:
    with os.popen("traceroute -m 12 -w 2 " + host) as pipe:  # VULN flow
        return pipe.read()


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
        output = run_ping(host, count)
    except DiagnosticError as exc:
        return JsonResponse({"host": host, "error": str(exc)}, status=504)
    result = {"host": host, "loss_pct": packet_loss(output), "ping": output}
    if request.GET.get("trace") == "1":
        result["traceroute"] = run_traceroute(host)
    return JsonResponse(result)
