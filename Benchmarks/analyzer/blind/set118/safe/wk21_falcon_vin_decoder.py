"""VIN decoding resource for the service-writer app (Falcon).

Decoding is delegated to the ``vindecode`` binary shipped with the offline
NHTSA vPIC snapshot, which is refreshed monthly on the shop server.
"""
import json
import logging
import re
import subprocess

import falcon

log = logging.getLogger("vin_decoder")

VINDECODE = "/opt/vpic/bin/vindecode"
VPIC_DB = "/opt/vpic/data/vpic.sqlite"
VIN_RE = re.compile(r"^[A-HJ-NPR-Z0-9]{17}$")
YEAR_RE = re.compile(r"^(19|20)\d{2}$")


class DecodeError(Exception):
    pass


class VinDecoder:
    def __init__(self, binary: str = VINDECODE, db: str = VPIC_DB):
        self.binary = binary
        self.db = db
        self.cache = {}

    def command_for(self, vin: str, model_year: str = "") -> list:
        if not VIN_RE.match(vin) or (model_year and not YEAR_RE.match(model_year)):
            raise DecodeError("malformed VIN or model year")
        cmd = [self.binary, "--db", self.db, "--json"]
        if model_year:
            cmd += ["--year", model_year]
        return cmd + ["--", vin]

    def decode(self, vin: str, model_year: str = "") -> dict:
        key = (vin.upper(), model_year)
        if key in self.cache:
            return self.cache[key]
        cmd = self.command_for(vin.upper(), model_year)
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=20)
        if proc.returncode != 0:
            raise DecodeError(proc.stderr.strip() or "decoder failed")
        result = json.loads(proc.stdout)
        self.cache[key] = result
        return result


class VinResource:
    def __init__(self, decoder: VinDecoder):
        self.decoder = decoder

    def on_get(self, req: falcon.Request, resp: falcon.Response, vin: str):
        model_year = req.get_param("year", default="")
        try:
            data = self.decoder.decode(vin, model_year)
        except DecodeError as exc:
            raise falcon.HTTPUnprocessableEntity(description=str(exc))
        except subprocess.TimeoutExpired:
            raise falcon.HTTPServiceUnavailable(description="decoder timed out")
        resp.media = {
            "vin": vin.upper(),
            "make": data.get("Make"),
            "model": data.get("Model"),
            "year": data.get("ModelYear"),
            "engine": data.get("EngineModel"),
            "drive": data.get("DriveType"),
        }


app = falcon.App()
app.add_route("/vin/{vin}", VinResource(VinDecoder()))
