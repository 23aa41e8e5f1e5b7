"""Preview endpoint for tenant-branded notification emails."""
from dataclasses import dataclass, field
from typing import List

from flask import Flask, abort, jsonify, request
from flask import render_template_string

from notifications.tenants import load_tenant

app = Flask(__name__)

FOOTER = (
    "<hr><small>{{ company }} &middot; "
    "<a href=\"{{ unsubscribe_url }}\">Unsubscribe</a></small>"
)


@dataclass
class PreviewRequest:
    tenant_id: int
    headline: str
    greeting: str
    recipient: str
    items: List[str] = field(default_factory=list)

    @classmethod
    def from_json(cls, data: dict) -> "PreviewRequest":
        try:
            return cls(
                tenant_id=int(data["tenant_id"]),
                headline=str(data.get("headline", ""))[:120],
                greeting=str(data.get("greeting", "Hello"))[:80],
                recipient=str(data.get("recipient", "there"))[:80],
                items=[str(item)[:200] for item in data.get("items", [])][:20],
            )
        except (KeyError, TypeError, ValueError):
            abort(400, description="invalid preview request")


def compose_source(req: PreviewRequest) -> str:
    return (
        "<html><body>"
        f"<h1>{req.headline}</h1>"
        f"<p>{req.greeting}, {{{{ recipient }}}}!</p>"
        "<ul>{% for item in items %}<li>{{ item }}</li>{% endfor %}</ul>"
        + FOOTER
        + "</body></html>"
    )


@app.post("/notifications/preview")
def preview():
    req = PreviewRequest.from_json(request.get_json(silent=True) or {})
    tenant = load_tenant(req.tenant_id)
    if tenant is None:
        abort(404)
    source = compose_source(req)
    html = render_template_string(  # VULN flow
        source,
        recipient=req.recipient,
        items=req.items,
        company=tenant.display_name,
        unsubscribe_url=tenant.unsubscribe_url,
    )
    return jsonify(html=html)
