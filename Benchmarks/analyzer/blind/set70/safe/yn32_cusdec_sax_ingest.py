"""Django view ingesting CUSDEC-XML import declarations uploaded by customs brokers."""
import logging
import xml.sax
from xml.sax.handler import feature_external_ges, feature_external_pes, feature_namespaces

from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_POST

log = logging.getLogger(__name__)

ITEM_FIELDS = {"CommodityCode", "Description", "CountryOfOrigin", "StatisticalValue", "NetMass"}


class CusdecHandler(xml.sax.ContentHandler):
    def __init__(self):
        super().__init__()
        self.header = {}
        self.items = []
        self._current = None
        self._field = None
        self._buf = []

    def startElement(self, name, attrs):
        if name == "GoodsItem":
            self._current = {"seq": attrs.get("seq")}
        elif name in ITEM_FIELDS or name in ("MRN", "Declarant", "Importer"):
            self._field = name
            self._buf = []

    def characters(self, content):
        if self._field:
            self._buf.append(content)

    def endElement(self, name):
        if name == self._field:
            value = "".join(self._buf).strip()
            if self._current is not None and name in ITEM_FIELDS:
                self._current[name] = value
            else:
                self.header[name] = value
            self._field = None
        elif name == "GoodsItem" and self._current is not None:
            self.items.append(self._current)
            self._current = None


def parse_declaration(stream):
    parser = xml.sax.make_parser()
    parser.setFeature(feature_namespaces, False)
    parser.setFeature(feature_external_ges, False)
    parser.setFeature(feature_external_pes, False)
    handler = CusdecHandler()
    parser.setContentHandler(handler)
    parser.parse(stream)
    return handler


@login_required
@require_POST
def upload_declaration(request):
    upload = request.FILES.get("declaration")
    if upload is None:
        return HttpResponseBadRequest("declaration file required")
    try:
        result = parse_declaration(upload)
    except xml.sax.SAXParseException as exc:
        log.warning("broker %s sent malformed CUSDEC: %r", request.user.pk, exc.getMessage())
        return HttpResponseBadRequest("malformed XML")
    return JsonResponse({
        "mrn": result.header.get("MRN"),
        "importer": result.header.get("Importer"),
        "declarant": result.header.get("Declarant"),
        "items": result.items,
    })
