"""Landing page shown after a customer confirms a port-in via the SMS link.

Retail partners link customers here with ``return_to`` so that the
customer ends up back in the partner's shop after confirming.
"""
import logging
import os
from html import escape

from fastapi import FastAPI, Form, HTTPException, Query
from fastapi.responses import HTMLResponse, RedirectResponse

log = logging.getLogger("porting.landing")
app = FastAPI(docs_url=None, redoc_url=None)

DEFAULT_RETURN = "https://www.example-telco.net/welcome"
CONFIRM_TOKENS = {}  # populated by the porting engine via the internal API

PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>Port confirmed</title></head>
<body><main>
<h1>Welcome to Example Telco!</h1>
<p>Your number {msisdn} will move to us on {window}.</p>
<p>Previous provider: {donor}</p>
<form method="post" action="/port/continue"><input type="hidden" name="return_to" value="{return_to}">
<button>Continue</button></form>
</main></body></html>"""


def describe_port(token: str):
    port = CONFIRM_TOKENS.get(token)
    if port is None:
        raise HTTPException(status_code=404, detail="link expired")
    return port


@app.get("/port/confirmed", response_class=HTMLResponse)
def confirmed(token: str, donor: str = Query(""), return_to: str = Query(DEFAULT_RETURN)):
    port = describe_port(token)
    page = PAGE.format(
        msisdn=escape(port["msisdn"]),
        window=escape(port["window"]),
        donor=donor,
        return_to=escape(return_to, quote=True),
    )
    return HTMLResponse(page)  # VULN flow


@app.post("/port/continue")
def continue_to_partner(return_to: str = Form(DEFAULT_RETURN)):
    log.info("redirecting customer after port confirmation to %r", return_to)
    target = return_to.strip() or DEFAULT_RETURN
    return RedirectResponse(target, status_code=303)  # VULN flow


if __name__ == "__main__":
    import uvicorn
    uvicorn.run(app, host="127.0.0.1", port=int(os.environ.get("PORT", "8097")))
