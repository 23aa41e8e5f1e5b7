"""Parsers for header lines, version strings and binary record headers."""
import struct
from typing import Dict, Tuple

_RECORD_HEADER = struct.Struct(">HHI")  # kind, flags, payload length (big-endian)


def parse_header(line: str) -> Tuple[str, str]:
    """Splits an HTTP-style header line 'Name: value' into (name, value).

    The name is lower-cased and whitespace around both parts is removed.
    """
    name = line.split(":", 1)[0]
    value = line.split(":", 1)[1]
    return name.strip().lower(), value.strip()


def parse_version(text):
    """Parses a dotted version such as '2.10.1' into (major, minor, patch).

    Missing parts count as 0, so '3' is (3, 0, 0) and '3.1' is (3, 1, 0); parts after the
    third are ignored.
    """
    parts = text.strip().split(".")
    numbers = [int(part) for part in parts[:3]]
    while len(numbers) < 3:
        numbers.append(0)
    return tuple(numbers)


def parse_record(data: bytes) -> Dict[str, int]:
    """Decodes the 8-byte header at the start of a stored record."""
    kind, flags, length = _RECORD_HEADER.unpack(data[:_RECORD_HEADER.size])
    return {
        "kind": kind,
        "compressed": flags & 0x1,
        "encrypted": (flags >> 1) & 0x1,
        "length": length,
        "available": len(data) - _RECORD_HEADER.size,
    }
