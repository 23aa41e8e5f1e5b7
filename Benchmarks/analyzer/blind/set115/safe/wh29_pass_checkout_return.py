"""Payment-provider return handler for online season pass purchases.

After checkout the PSP sends the buyer back to /checkout/return with the
order reference and the page they started from (partner hotels embed the
shop and want buyers sent back to their own site).
"""
import logging
import os
from urllib.parse import urlparse

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse
from starlette.routing import Route

log = logging.getLogger("passes.checkout")

DEFAULT_RETURN = "/my-passes"
PARTNER_HOSTS = set(filter(None, os.environ.get("PARTNER_RETURN_HOSTS", "").split(",")))


def allowed_return(url: str) -> bool:
    parsed = urlparse(url)
    if not parsed.scheme and not parsed.netloc:
        return url.startswith("/") and not url.startswith("//") and "\\" not in url
    return parsed.scheme == "https" and parsed.hostname in PARTNER_HOSTS


class CheckoutResult:
    def __init__(self, params):
        self.order_ref = params.get("order", "")
        self.status = params.get("status", "unknown")
        candidate = params.get("return_to") or DEFAULT_RETURN
        self.return_url = candidate if allowed_return(candidate) else DEFAULT_RETURN

    @property
    def paid(self) -> bool:
        return self.status == "paid"


async def mark_order(order_ref: str, paid: bool) -> None:
    # the real implementation updates the orders table via the orders service
    return None


def destination_for(result: CheckoutResult) -> str:
    sep = "&" if "?" in result.return_url else "?"
    outcome = "ok" if result.paid else "failed"
    return f"{result.return_url}{sep}purchase={outcome}"


async def checkout_return(request: Request):
    result = CheckoutResult(request.query_params)
    log.info("checkout return order=%r status=%r", result.order_ref, result.status)
    await mark_order(result.order_ref, result.paid)
    target = destination_for(result)
    return RedirectResponse(target, status_code=303)


async def checkout_cancel(request: Request):
    order_ref = request.query_params.get("order", "")
    log.warning("checkout cancelled for order %r", order_ref)
    return RedirectResponse(DEFAULT_RETURN + "?purchase=cancelled", status_code=303)


async def health(request: Request):
    return JSONResponse({"ok": True})


app = Starlette(routes=[
    Route("/checkout/return", checkout_return),
    Route("/checkout/cancel", checkout_cancel),
    Route("/healthz", health),
])
