"""Starlette endpoint that GPG-signs a prepared VAT filing before submission."""
import asyncio
import logging
import os

from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("vat.sign")

FILINGS_DIR = os.environ.get("VAT_FILINGS_DIR", "/srv/vat/filings")
GPG_KEY_ID = os.environ.get("VAT_SIGNING_KEY", "filings@ledgerly.example")
GPG_HOME = os.environ.get("GNUPGHOME", "/srv/vat/gnupg")


class SignRequest:
    def __init__(self, tenant: str, filing: str, armor: bool = True):
        self.tenant = tenant
        self.filing = filing
        self.armor = armor

    @property
    def path(self) -> str:
        return os.path.join(FILINGS_DIR, self.tenant, self.filing)

    def command(self) -> str:
        flags = "--armor " if self.armor else ""
        return (
            f"gpg --homedir {GPG_HOME} --batch --yes --local-user {GPG_KEY_ID} "
            f"{flags}--detach-sign {self.path}"
        )


async def run_signer(req: SignRequest):
    cmd = req.command()
    proc = await asyncio.create_subprocess_shell(cmd, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)  # VULN flow
    _, stderr = await asyncio.wait_for(proc.communicate(), timeout=60)
    return proc.returncode, stderr.decode(errors="replace")


async def sign_filing(request):
    form = await request.form()
    tenant = request.path_params["tenant"]
    filing = form.get("filing", "")
    if not filing.endswith(".xml"):
        return JSONResponse({"error": "filing must be an XML file"}, status_code=400)

    req = SignRequest(tenant, filing, armor=form.get("armor", "1") == "1")
    if not os.path.exists(req.path):
        return JSONResponse({"error": "unknown filing"}, status_code=404)

    rc, stderr = await run_signer(req)
    if rc != 0:
        log.error("gpg failed rc=%s: %r", rc, stderr[-300:])
        return JSONResponse({"error": "signing failed"}, status_code=500)
    suffix = ".asc" if req.armor else ".sig"
    return JSONResponse({"signature": os.path.basename(req.path) + suffix})


app = Starlette(routes=[Route("/vat/{tenant}/sign", sign_filing, methods=["POST"])])
