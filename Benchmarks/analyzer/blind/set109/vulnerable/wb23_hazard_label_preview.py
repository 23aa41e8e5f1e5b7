"""Tornado service that renders ADR hazard label previews for drum/IBC consignments.

Used from the hazardous-waste collection booking form so the customer can
check the label before the crew prints it on site.
"""
import logging
import os
from dataclasses import dataclass, field
from typing import List

import tornado.ioloop
import tornado.web

log = logging.getLogger("labels")

HAZARD_CLASSES = {
    "3": "Flammable liquid", "4.1": "Flammable solid", "5.1": "Oxidiser",
    "6.1": "Toxic", "8": "Corrosive", "9": "Miscellaneous",
}


@dataclass
class HazardLabel:
    un_number: str
    shipping_name: str
    classes: List[str] = field(default_factory=list)
    consignor: str = ""

    def class_badges(self) -> str:
        out = []
        for cls in self.classes:
            title = HAZARD_CLASSES.get(cls, "Unknown class")
            out.append(f'<span class="diamond c{cls.replace(".", "_")}" title="{title}">{cls}</span>')
        return "".join(out)

    def render_html(self) -> str:
        return (
            "<div class='label'>"
            f"<div class='un'>UN {self.un_number}</div>"
            f"<div class='name'>{self.shipping_name}</div>"
            f"<div class='classes'>{self.class_badges()}</div>"
            f"<div class='consignor'>Consignor: {self.consignor}</div>"
            "</div>"
        )


class LabelPreviewHandler(tornado.web.RequestHandler):
    def get(self):
        label = HazardLabel(
            un_number=self.get_argument("un", "").strip(),
            shipping_name=self.get_argument("name", "").strip(),
            classes=[c for c in self.get_arguments("class") if c],
            consignor=self.get_argument("consignor", ""),
        )
        if not label.un_number:
            raise tornado.web.HTTPError(400, "UN number required")
        self.set_header("Content-Type", "text/html; charset=utf-8")
        page = "<html><head><link rel='stylesheet' href='/static/labels.css'></head><body>"
        page += label.render_html() + "</body></html>"
        self.write(page)  # VULN flow


class HealthHandler(tornado.web.RequestHandler):
    def get(self):
        self.write({"ok": True})


def make_app() -> tornado.web.Application:
    return tornado.web.Application(
        [(r"/labels/preview", LabelPreviewHandler), (r"/healthz", HealthHandler)],
        static_path=os.path.join(os.path.dirname(__file__), "static"),
    )


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(int(os.environ.get("PORT", "8088")), address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()
