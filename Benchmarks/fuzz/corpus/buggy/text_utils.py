"""Text helpers for the user interface and message handling."""
from typing import List, Literal, Optional


def display_name(first: str, last: Optional[str] = None, formal: bool = False) -> str:
    """Name shown in the UI: 'Ada Lovelace', or 'LOVELACE, Ada' when formal."""
    if formal:
        return f"{last.upper()}, {first}"
    if last:
        return f"{first} {last}"
    return first


def greeting(user):
    """Greeting line for a user record such as {'name': 'Ada', 'title': 'Dr'}."""
    title = user.get("title")
    if title:
        return "Hello, " + title + " " + user.get("name") + "!"
    return "Hello, " + user.get("name") + "!"


def decode_payload(data: bytes, newline: Literal["\n", "\r\n"] = "\n") -> List[str]:
    """Splits a message body into its non-blank lines."""
    text = data.decode("utf-8")
    return [line for line in text.split(newline) if line.strip()]


def collapse_spaces(text: str) -> str:
    """Drops leading spaces and squeezes runs of spaces into one."""
    out = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == " " and (not out or out[-1] == " "):
            continue
        out.append(ch)
        i += 1
    return "".join(out)
