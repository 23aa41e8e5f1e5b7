"""Per-space invoice e-mail templates.

Each space in the network runs its own billing wording; managers edit the
template in the admin UI and we render it with the invoice context when
the monthly run sends mail.
"""
import logging
from dataclasses import dataclass
from decimal import Decimal
from typing import Optional

import jinja2

log = logging.getLogger("billing.templates")

DEFAULT_TEMPLATE = """Hi {{ member.first_name }},

your invoice {{ invoice.number }} for {{ invoice.period }} is ready.

{% for line in invoice.lines %}  - {{ line.description }}: {{ line.amount|money }}
{% endfor %}
Total due: {{ invoice.total|money }} by {{ invoice.due_date }}.

Thanks for being part of {{ space.name }}!
"""


@dataclass
class Space:
    slug: str
    name: str
    invoice_template: Optional[str] = None


def money(value) -> str:
    return f"EUR {Decimal(value):,.2f}"


class InvoiceRenderer:
    def __init__(self):
        self.env = jinja2.Environment(
            autoescape=False, undefined=jinja2.StrictUndefined, trim_blocks=True
        )
        self.env.filters["money"] = money
        self._cache = {}

    def _template_for(self, space: Space, source: Optional[str] = None):
        src = source if source is not None else (space.invoice_template or DEFAULT_TEMPLATE)
        key = (space.slug, hash(src))
        if key not in self._cache:
            self._cache[key] = self.env.from_string(src)  # VULN flow
        return self._cache[key]

    def render(self, space: Space, member: dict, invoice: dict) -> str:
        template = self._template_for(space)
        return template.render(space={"name": space.name}, member=member, invoice=invoice)

    def preview(self, space: Space, draft_source: str) -> str:
        """Used by the admin UI's live preview while a manager edits the template."""
        sample_member = {"first_name": "Alex", "email": "alex@example.org"}
        sample_invoice = {
            "number": "2024-05-0042",
            "period": "May 2024",
            "due_date": "2024-06-14",
            "lines": [
                {"description": "Resident desk", "amount": "320.00"},
                {"description": "Laser cutter (45 min)", "amount": "24.75"},
            ],
            "total": "344.75",
        }
        try:
            template = self._template_for(space, draft_source)
            return template.render(space={"name": space.name}, member=sample_member, invoice=sample_invoice)
        except jinja2.TemplateError as exc:
            log.info("template preview failed for space %r: %r", space.slug, exc)
            return f"Template error: {exc}"
