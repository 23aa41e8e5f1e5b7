"""Accepts vendor XML configuration snippets for staged provisioning."""
import logging

import falcon
from lxml import etree

log = logging.getLogger("provision.xml")

ALLOWED_ROOTS = {"configuration", "config", "rpc"}
MAX_BODY = 512 * 1024


def parse_config(body: bytes):
    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False)
    return etree.fromstring(body, parser)


def summarize(root):
    interfaces = []
    for iface in root.iter("interface"):
        name = iface.findtext("name")
        desc = iface.findtext("description") or ""
        if name:
            interfaces.append({"name": name, "description": desc})
    return interfaces


class ConfigStageResource:
    def __init__(self, store):
        self.store = store

    def on_post(self, req, resp, device):
        if (req.content_length or 0) > MAX_BODY:
            raise falcon.HTTPPayloadTooLarge()
        body = req.bounded_stream.read()
        if not body:
            raise falcon.HTTPBadRequest(title="empty body")
        try:
            root = parse_config(body)
        except etree.XMLSyntaxError as exc:
            raise falcon.HTTPBadRequest(title="invalid XML", description=str(exc))
        if root.tag not in ALLOWED_ROOTS:
            raise falcon.HTTPBadRequest(title="unexpected root element")

        self.store[device] = etree.tostring(root)
        log.info("staged %d bytes of config for %r", len(body), device)
        resp.status = falcon.HTTP_201
        resp.media = {"device": device, "root": root.tag, "interfaces": summarize(root)}

    def on_get(self, req, resp, device):
        staged = self.store.get(device)
        if staged is None:
            raise falcon.HTTPNotFound()
        resp.content_type = "application/xml"
        resp.data = staged


app = falcon.App()
app.add_route("/provision/{device}/config", ConfigStageResource({}))
