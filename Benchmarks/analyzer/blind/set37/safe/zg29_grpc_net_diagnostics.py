"""gRPC service exposing network reachability diagnostics to the NOC console."""
import ipaddress
import logging
import os
import re
import subprocess
from concurrent import futures
from typing import List

import grpc

import diagnostics_pb2
import diagnostics_pb2_grpc

log = logging.getLogger("diagnostics")
COMMAND_TIMEOUT = 30
HOSTNAME_RE = re.compile(r"(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*")


def _read(path: str) -> bytes:
    with open(path, "rb") as fh:
        return fh.read()


def valid_target(target: str) -> bool:
    try:
        ipaddress.ip_address(target)
        return True
    except ValueError:
        return HOSTNAME_RE.fullmatch(target) is not None


class DiagnosticsServicer(diagnostics_pb2_grpc.DiagnosticsServicer):
    def __init__(self, source_interface: str):
        self.source_interface = source_interface

    def _run(self, command: List[str]) -> str:
        try:
            proc = subprocess.run(command, capture_output=True, text=True, timeout=COMMAND_TIMEOUT)
        except subprocess.TimeoutExpired:
            return "diagnostic timed out"
        return proc.stdout + proc.stderr

    def Ping(self, request, context):
        if not 1 <= request.count <= 20:
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, "count must be between 1 and 20")
        if not valid_target(request.target):
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, "target must be an IP address or hostname")
        log.info("ping requested by %r", context.peer())
        output = self._run(["ping", "-c", str(request.count), "-I", self.source_interface, request.target])
        return diagnostics_pb2.DiagnosticReply(target=request.target, output=output)

    def Traceroute(self, request, context):
        max_hops = request.max_hops or 30
        if not 1 <= max_hops <= 64:
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, "max_hops must be between 1 and 64")
        if not valid_target(request.target):
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, "target must be an IP address or hostname")
        log.info("traceroute requested by %r", context.peer())
        output = self._run(["traceroute", "-m", str(max_hops), request.target])
        return diagnostics_pb2.DiagnosticReply(target=request.target, output=output)


def serve() -> None:
    credentials = grpc.ssl_server_credentials(
        [(_read(os.environ["DIAG_TLS_KEY"]), _read(os.environ["DIAG_TLS_CERT"]))],
        root_certificates=_read(os.environ["DIAG_CLIENT_CA"]),
        require_client_auth=True,
    )
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=8))
    diagnostics_pb2_grpc.add_DiagnosticsServicer_to_server(
        DiagnosticsServicer(os.environ.get("DIAG_SOURCE_IF", "eth0")), server
    )
    server.add_secure_port(os.environ.get("DIAG_LISTEN", "127.0.0.1:50051"), credentials)
    server.start()
    log.info("diagnostics service started")
    server.wait_for_termination()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    serve()
