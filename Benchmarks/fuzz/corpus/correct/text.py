"""Text helpers: slugs, truncation and decoding."""
import re
import unicodedata
from typing import Literal

_WORD = re.compile(r"[a-z0-9]+")


def slugify(text, max_length=50):
    """URL slug of text: ASCII letters and digits in lower case, words joined by single
    hyphens, at most max_length characters ('Héllo, Wörld!' -> 'hello-world').

    Raises:
        ValueError: if max_length is below 1, or nothing usable is left of text.
    """
    if max_length < 1:
        raise ValueError("max_length must be at least 1")
    text = text.strip()
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = _WORD.findall(folded.lower())
    if not words:
        raise ValueError("text has no letters or digits to build a slug from")
    return "-".join(words)[:max_length].rstrip("-")


def truncate(text: str, width: int, side: Literal["end", "middle"] = "end",
             ellipsis: str = "\u2026") -> str:
    """Shortens text to at most width characters, marking the cut with ellipsis.

    side='end' keeps the start of the text, side='middle' keeps both ends.

    Raises:
        ValueError: if width is smaller than the ellipsis, or side is not 'end' or 'middle'.
    """
    if side not in ("end", "middle"):
        raise ValueError("side must be 'end' or 'middle'")
    if width < len(ellipsis):
        raise ValueError("width is too small for the ellipsis")
    if len(text) <= width:
        return text
    keep = width - len(ellipsis)
    if side == "end":
        return text[:keep] + ellipsis
    head = (keep + 1) // 2
    tail = keep - head
    return text[:head] + ellipsis + text[len(text) - tail:]


def decode_text(data: bytes) -> str:
    """Decodes UTF-8 text, dropping a leading byte-order mark.

    Raises:
        UnicodeDecodeError: if data is not valid UTF-8.
    """
    text = data.decode("utf-8")
    return text[1:] if text.startswith("\ufeff") else text
