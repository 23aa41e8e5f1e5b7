"""Binary frame codec for LoRa telemetry from remote rain gauges and AWS units.

Frames are fixed-layout structs; they are encrypted before being handed to the
radio driver and decrypted by the gateway before forwarding to ingest.
"""
import struct
import time
from dataclasses import dataclass

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

FRAME_FMT = "<8sIhhHHB"  # station, epoch, temp*10, rh*10, rain*10, batt mV, flags
FRAME_KEY = bytes.fromhex("3f8a1c2e9b7d4f60a1c3e5f7092b4d6e")  # VULN


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
    def __init__(self, key: bytes = FRAME_KEY):
        if len(key) not in (16, 32):
            raise ValueError("AES key must be 128 or 256 bits")
        self.key = key

    def _cipher(self) -> Cipher:
        return Cipher(algorithms.AES(self.key), modes.ECB())  # VULN

    def seal(self, frame: TelemetryFrame) -> bytes:
        padder = padding.PKCS7(128).padder()
        padded = padder.update(frame.pack()) + padder.finalize()
        enc = self._cipher().encryptor()
        return enc.update(padded) + enc.finalize()

    def open(self, blob: bytes) -> TelemetryFrame:
        dec = self._cipher().decryptor()
        padded = dec.update(blob) + dec.finalize()
        unpadder = padding.PKCS7(128).unpadder()
        return TelemetryFrame.unpack(unpadder.update(padded) + unpadder.finalize())


if __name__ == "__main__":
    codec = FrameCodec()
    f = TelemetryFrame("RG0142", int(time.time()), 21.4, 63.0, 0.2, 3710)
    blob = codec.seal(f)
    print(len(blob), codec.open(blob))
