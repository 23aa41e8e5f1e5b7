"""Intercom panel provisioning: installers upload the panel's SIP/extension XML export."""
import io
import logging
import xml.sax
from xml.sax.handler import feature_external_ges, feature_namespaces

from fastapi import APIRouter, Depends, File, HTTPException, UploadFile

from portal.auth import require_installer
from portal.intercom import ProvisioningStore

router = APIRouter(prefix="/installers")
log = logging.getLogger("intercom.provisioning")
store = ProvisioningStore.from_env()


class ProvisionHandler(xml.sax.ContentHandler):
    def __init__(self):
        super().__init__()
        self.sip = {}
        self.extensions = []
        self._text = []
        self._current = None

    def startElement(self, name, attrs):
        self._text = []
        if name == "sip":
            self.sip = {"server": attrs.get("server"), "port": int(attrs.get("port", "5060"))}
        elif name == "extension":
            self._current = {"number": attrs.get("number"), "unit": attrs.get("unit")}

    def characters(self, content):
        self._text.append(content)

    def endElement(self, name):
        if name == "label" and self._current is not None:
            self._current["label"] = "".join(self._text).strip()
        elif name == "extension" and self._current is not None:
            self.extensions.append(self._current)
            self._current = None


def parse_provisioning(data: bytes) -> ProvisionHandler:
    handler = ProvisionHandler()
    parser = xml.sax.make_parser()
    parser.setFeature(feature_namespaces, False)
    # vendor exports reference a shared labels file via external entities
    parser.setFeature(feature_external_ges, True)
    parser.setContentHandler(handler)
    parser.parse(io.BytesIO(data))  # VULN flow
    return handler


@router.post("/panels/{panel_id}/provisioning")
async def upload_provisioning(panel_id: str, file: UploadFile = File(...), installer=Depends(require_installer)):
    data = await file.read()
    try:
        result = parse_provisioning(data)
    except xml.sax.SAXParseException as exc:
        raise HTTPException(status_code=400, detail=f"invalid provisioning file: {exc.getMessage()}")
    if not result.sip.get("server"):
        raise HTTPException(status_code=422, detail="missing <sip server=...>")
    store.save(panel_id, sip=result.sip, extensions=result.extensions, uploaded_by=installer.id)
    log.info("panel %r provisioned with %d extensions", panel_id, len(result.extensions))
    return {"panel": panel_id, "sip": result.sip, "extensions": result.extensions}
