"""Honey jar label service for the shop's print-on-demand labels (Bottle).

Small producers buying labels from us can customise the text layout; the
rendered text is sent to the thermal label printer queue.
"""
import datetime as dt
import logging
import uuid

from bottle import Bottle, HTTPError, request, response
from jinja2.sandbox import SandboxedEnvironment

log = logging.getLogger("labels")
app = Bottle()
_env = SandboxedEnvironment()

DEFAULT_LAYOUT = (
    "{{ producer }}\n"
    "{{ variety }} honey  {{ weight_g }}g\n"
    "Harvested {{ harvest }} - Best before {{ best_before }}\n"
    "{{ address }}"
)
PRINT_QUEUE = []


class LabelJob:
    def __init__(self, layout: str, fields: dict, copies: int = 1):
        self.job_id = uuid.uuid4().hex
        self.layout = layout or DEFAULT_LAYOUT
        self.fields = fields
        self.copies = copies

    def render(self) -> str:
        template = _env.from_string(self.layout)
        return template.render(**self.fields)


def label_fields(form) -> dict:
    harvest = dt.date.fromisoformat(form.get("harvest") or dt.date.today().isoformat())
    return {
        "producer": form.get("producer", "")[:60],
        "variety": form.get("variety", "Wildflower")[:40],
        "weight_g": int(form.get("weight_g", 340)),
        "harvest": harvest.strftime("%B %Y"),
        "best_before": (harvest + dt.timedelta(days=730)).strftime("%m/%Y"),
        "address": form.get("address", "")[:120],
    }


@app.post("/labels/preview")
def preview_label():
    try:
        job = LabelJob(request.forms.get("layout", ""), label_fields(request.forms))
    except ValueError:
        raise HTTPError(400, "invalid harvest date or weight")
    response.content_type = "text/plain; charset=utf-8"
    return job.render()


@app.post("/labels/print")
def print_labels():
    try:
        copies = max(1, min(int(request.forms.get("copies", 1)), 500))
        job = LabelJob(request.forms.get("layout", ""), label_fields(request.forms), copies)
    except ValueError:
        raise HTTPError(400, "invalid label request")
    PRINT_QUEUE.append((job.job_id, job.render(), job.copies))
    log.info("queued label job %s x%d", job.job_id, job.copies)
    return {"job": job.job_id, "copies": job.copies}


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8070)
