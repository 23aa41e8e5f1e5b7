"""Bottle app handling the hand-off to and back from the hosted payment page."""
import logging
import os
import secrets

import bottle
from bottle import abort, redirect, request, response

from shop.orders import OrderRepository
from shop.gateway import HostedPaymentPage

log = logging.getLogger("shop.checkout")
app = bottle.Bottle()

COOKIE_SECRET = os.environ["CHECKOUT_COOKIE_SECRET"]
DEFAULT_LANDING = "/account/orders"

orders = OrderRepository.from_env()
hpp = HostedPaymentPage.from_env()


class CheckoutContext:
    """Bits of state we need to survive the round trip through the gateway."""

    def __init__(self, order_id: str, return_to: str):
        self.order_id = order_id
        self.return_to = return_to

    def save(self):
        response.set_cookie("co_ctx", {"o": self.order_id, "r": self.return_to},
                            secret=COOKIE_SECRET, httponly=True, secure=True,
                            samesite="lax", max_age=1800, path="/checkout")

    @classmethod
    def load(cls):
        data = request.get_cookie("co_ctx", secret=COOKIE_SECRET)
        if not data:
            return None
        return cls(data.get("o"), data.get("r") or DEFAULT_LANDING)


@app.get("/checkout/start/<order_id>")
def start(order_id):
    order = orders.get(order_id)
    if order is None or order.status != "pending":
        abort(404)
    ctx = CheckoutContext(order_id, request.query.get("next", DEFAULT_LANDING))
    ctx.save()
    state = secrets.token_urlsafe(16)
    orders.attach_state(order_id, state)
    redirect(hpp.session_url(order, state=state))


@app.get("/checkout/complete")
def complete():
    ctx = CheckoutContext.load()
    if ctx is None:
        abort(400, "checkout session expired")
    state = request.query.get("state", "")
    if not orders.state_matches(ctx.order_id, state):
        abort(400, "state mismatch")
    result = hpp.fetch_result(state)
    orders.record_result(ctx.order_id, result)
    response.delete_cookie("co_ctx", path="/checkout")
    destination = ctx.return_to
    if result.status != "succeeded":
        destination = f"/checkout/failed?order={ctx.order_id}"
    log.info("order %r returned from gateway status=%r", ctx.order_id, result.status)
    redirect(destination)  # VULN flow


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8082)
