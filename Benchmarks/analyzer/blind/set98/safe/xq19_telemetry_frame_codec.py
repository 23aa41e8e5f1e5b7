"""Binary frame codec for LoRa telemetry from remote rain gauges and AWS units.

Frames are fixed-layout structs; they are encrypted before being handed to the
radio driver and decrypted by the gateway before forwarding to ingest.
"""
import base64
import os
import struct
import time
from dataclasses import dataclass

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

FRAME_FMT = "<8sIhhHHB"  # station, epoch, temp*10, rh*10, rain*10, batt mV, flags
NONCE_LEN = 12


def load_frame_key() -> bytes:
    return base64.b64decode(os.environ["TELEMETRY_FRAME_KEY"])


@dataclass
class TelemetryFrame:
    station: str
    epoch: int
    temp_c: float
    rh_pct: float
    rain_mm: float
    battery_mv: int
    flags: int = 0

    def pack(self) -> bytes:
        return struct.pack(
            FRAME_FMT,
            self.station.encode("ascii")[:8].ljust(8, b"\0"),
            self.epoch,
            int(round(self.temp_c * 10)),
            int(round(self.rh_pct * 10)),
            int(round(self.rain_mm * 10)),
            self.battery_mv,
            self.flags,
        )

    @classmethod
    def unpack(cls, raw: bytes) -> "TelemetryFrame":
        st, ep, t, rh, rain, batt, flags = struct.unpack(FRAME_FMT, raw)
        return cls(st.rstrip(b"\0").decode("ascii"), ep, t / 10, rh / 10, rain / 10, batt, flags)


class FrameCodec:
    def __init__(self, key: bytes = None):
        key = key if key is not None else load_frame_key()
        if len(key) not in (16, 32):
            raise ValueError("AES key must be 128 or 256 bits")
        self.key = key

    def _cipher(self) -> AESGCM:
        return AESGCM(self.key)

    def seal(self, frame: TelemetryFrame) -> bytes:
        nonce = os.urandom(NONCE_LEN)
        return nonce + self._cipher().encrypt(nonce, frame.pack(), None)

    def open(self, blob: bytes) -> TelemetryFrame:
        nonce, ciphertext = blob[:NONCE_LEN], blob[NONCE_LEN:]
        return TelemetryFrame.unpack(self._cipher().decrypt(nonce, ciphertext, None))


if __name__ == "__main__":
    codec = FrameCodec()
    f = TelemetryFrame("RG0142", int(time.time()), 21.4, 63.0, 0.2, 3710)
    blob = codec.seal(f)
    print(len(blob), codec.open(blob))
