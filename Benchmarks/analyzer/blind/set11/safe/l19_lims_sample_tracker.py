"""LIMS sample lookup API. Each batch is exported from the instrument as XML."""
import os

import falcon
from lxml import etree

BATCH_DIR = os.environ.get("LIMS_BATCH_DIR", "/data/lims/batches")
PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
SAMPLE_QUERY = etree.XPath("//sample[@id=$sid and @study=$study]")


def load_batch(batch_id):
    path = os.path.join(BATCH_DIR, "batch_%d.xml" % batch_id)
    if not os.path.exists(path):
        raise falcon.HTTPNotFound()
    return etree.parse(path, PARSER)


class AuthMiddleware:
    def __init__(self, tokens):
        self.tokens = tokens

    def process_request(self, req, resp):
        study = self.tokens.get(req.get_header("Authorization") or "")
        if study is None:
            raise falcon.HTTPUnauthorized()
        req.context.study = study


class SampleResource:
    def on_get(self, req, resp, batch_id):
        tree = load_batch(batch_id)
        sample_id = req.get_param("sample", required=True)
        nodes = SAMPLE_QUERY(tree, sid=sample_id, study=req.context.study)
        resp.media = [
            {
                "id": n.get("id"),
                "status": n.findtext("status"),
                "concentration": n.findtext("concentration"),
                "operator": n.findtext("operator"),
            }
            for n in nodes
        ]


def load_tokens():
    tokens = {}
    with open(os.environ.get("LIMS_TOKEN_FILE", "/etc/lims/tokens")) as fh:
        for line in fh:
            if ":" in line:
                token, study = line.strip().split(":", 1)
                tokens["Bearer " + token] = study
    return tokens


app = falcon.App(middleware=[AuthMiddleware(load_tokens())])
app.add_route("/batches/{batch_id:int}/samples", SampleResource())
