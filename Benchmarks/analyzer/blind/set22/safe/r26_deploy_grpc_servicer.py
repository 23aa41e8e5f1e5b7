"""gRPC deploy agent running on each app host; called by the release orchestrator."""
import logging
import os
import re
import subprocess
from concurrent import futures

import grpc

from deployer.proto import deploy_pb2, deploy_pb2_grpc

log = logging.getLogger("deploy-agent")

REPOS_ROOT = os.environ.get("DEPLOY_REPOS_ROOT", "/srv/apps")
SERVICES = {"billing": "billing-api", "search": "search-svc", "web": "storefront"}
GIT_REF = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]{0,99}")


class DeployServicer(deploy_pb2_grpc.DeployServicer):
    def __init__(self, repos_root=REPOS_ROOT):
        self.repos_root = repos_root

    def _checkout_cmds(self, repo_dir, ref):
        return [
            ["git", "-C", repo_dir, "fetch", "--quiet", "origin"],
            ["git", "-C", repo_dir, "checkout", "--quiet", "--detach", ref, "--"],
        ]

    def Deploy(self, request, context):
        repo = SERVICES.get(request.service)
        if repo is None:
            context.abort(grpc.StatusCode.NOT_FOUND, "unknown service")
        if not GIT_REF.fullmatch(request.git_ref) or ".." in request.git_ref:
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, "invalid git ref")
        repo_dir = os.path.join(self.repos_root, repo)
        log.info("deploying %r at ref %r", request.service, request.git_ref)
        for cmd in self._checkout_cmds(repo_dir, request.git_ref):
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
            if proc.returncode != 0:
                log.error("checkout failed: %r", proc.stderr.strip())
                return deploy_pb2.DeployReply(ok=False, message="checkout failed")
        restart = subprocess.run(
            ["systemctl", "restart", f"{repo}.service"], capture_output=True, text=True, timeout=120
        )
        return deploy_pb2.DeployReply(ok=restart.returncode == 0, message=restart.stderr[-500:])

    def Status(self, request, context):
        repo = SERVICES.get(request.service)
        if repo is None:
            context.abort(grpc.StatusCode.NOT_FOUND, "unknown service")
        head = subprocess.run(
            ["git", "-C", os.path.join(self.repos_root, repo), "rev-parse", "HEAD"],
            capture_output=True, text=True, timeout=30,
        )
        return deploy_pb2.StatusReply(commit=head.stdout.strip())


def serve(port=50061):
    creds = grpc.ssl_server_credentials(
        [(open("/etc/deploy-agent/tls.key", "rb").read(), open("/etc/deploy-agent/tls.crt", "rb").read())],
        root_certificates=open("/etc/deploy-agent/ca.crt", "rb").read(),
        require_client_auth=True,
    )
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4))
    deploy_pb2_grpc.add_DeployServicer_to_server(DeployServicer(), server)
    server.add_secure_port(f"[::]:{port}", creds)
    server.start()
    server.wait_for_termination()
