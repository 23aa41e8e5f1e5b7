"""Marketing mail preview + send service built on aiohttp and the SendGrid v3 API."""
import logging
import os

import aiohttp
from aiohttp import web

log = logging.getLogger("mail-preview")

SENDGRID_KEY = os.environ["SENDGRID_API_KEY"]
SENDGRID_URL = "https://api.sendgrid.com/v3/mail/send"
FROM_ADDRESS = os.environ.get("MAIL_FROM", "news@example.com")

TEMPLATES = {
    "welcome": "<h1>Welcome, {name}!</h1><p>Thanks for joining {product}.</p>",
    "renewal": "<h1>Hi {name}</h1><p>Your {product} plan renews soon.</p>",
}


def render_body(template: str, fields: dict) -> str:
    layout = TEMPLATES.get(template, TEMPLATES["welcome"])
    return layout.format(name=fields.get("name", "there"), product=fields.get("product", "Acme"))


def wrap_page(subject: str, body: str) -> str:
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>Preview: {subject}</title></head>"
        f"<body><div class='mail'>{body}</div></body></html>"
    )


async def preview(request: web.Request) -> web.Response:
    q = request.query
    fields = {"name": q.get("name", ""), "product": q.get("product", "Acme")}
    subject = q.get("subject", "(no subject)")
    page = wrap_page(subject, render_body(q.get("template", "welcome"), fields))
    return web.Response(text=page, content_type="text/html")  # VULN flow


async def send(request: web.Request) -> web.Response:
    data = await request.json()
    body = render_body(data.get("template", "welcome"), data)
    message = {
        "personalizations": [{"to": [{"email": data["to"]}]}],
        "from": {"email": FROM_ADDRESS},
        "subject": data.get("subject", "Hello from Acme"),
        "content": [{"type": "text/html", "value": body}],
    }
    headers = {"Authorization": f"Bearer {SENDGRID_KEY}"}
    timeout = aiohttp.ClientTimeout(total=10)
    async with aiohttp.ClientSession(timeout=timeout) as http:
        async with http.post(SENDGRID_URL, json=message, headers=headers, timeout=timeout) as resp:
            if resp.status >= 300:
                log.error("sendgrid rejected message: %s", await resp.text())
                raise web.HTTPBadGateway()
    return web.json_response({"queued": True})


def make_app() -> web.Application:
    app = web.Application()
    app.router.add_get("/preview", preview)
    app.router.add_post("/send", send)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(make_app(), host="127.0.0.1", port=8090)
