"""Greenhouse sensor gateway: asyncio TCP server that ingests XML reading batches."""
import asyncio
import io
import logging
import xml.sax
from xml.sax.handler import ContentHandler, feature_external_ges

from greenhouse.storage import ReadingStore

log = logging.getLogger("greenhouse.gateway")

BATCH_END = b"</batch>"
KINDS = {"temp_c", "humidity", "soil_moisture", "lux", "co2_ppm"}


class ReadingHandler(ContentHandler):
    def __init__(self):
        super().__init__()
        self.readings = []
        self.house = None

    def startElement(self, name, attrs):
        if name == "batch":
            self.house = attrs.get("house")
        elif name == "reading":
            kind = attrs.get("kind")
            if kind in KINDS:
                self.readings.append({
                    "sensor": attrs.get("sensor", "?"),
                    "kind": kind,
                    "value": float(attrs.get("value", "nan")),
                    "at": attrs.get("at"),
                })


def parse_readings(payload):
    handler = ReadingHandler()
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, True)
    parser.setContentHandler(handler)
    parser.parse(io.BytesIO(payload))  # VULN flow
    return handler.house, handler.readings


async def handle_client(reader, writer, store):
    peer = writer.get_extra_info("peername")
    try:
        payload = await asyncio.wait_for(reader.readuntil(BATCH_END), timeout=30)
        house, readings = parse_readings(payload)
        await store.insert_many(house, readings)
        writer.write(f"ACK {len(readings)}\n".encode("ascii"))
        log.info("stored %d readings for house %r from %s", len(readings), house, peer)
    except (asyncio.TimeoutError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
        writer.write(b"NAK incomplete\n")
    except (xml.sax.SAXException, ValueError) as exc:
        log.warning("rejected batch from %s: %r", peer, exc)
        writer.write(b"NAK malformed\n")
    finally:
        await writer.drain()
        writer.close()
        await writer.wait_closed()


async def main():
    logging.basicConfig(level=logging.INFO)
    store = await ReadingStore.open()
    server = await asyncio.start_server(  # VULN
        lambda r, w: handle_client(r, w, store), host="0.0.0.0", port=9020, limit=256 * 1024
    )
    async with server:
        log.info("gateway listening on %s", [s.getsockname() for s in server.sockets])
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main())
