"""Readers for configuration values: ports, durations and templated strings."""
import re
from typing import Dict, Union

_DIGITS = frozenset("0123456789")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_MAX_DURATION = 366 * 86400
_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


class ConfigError(ValueError):
    """A configuration value that cannot be used."""


class TemplateError(Exception):
    """A template names a placeholder that has no value."""


def parse_port(text: str, allow_privileged: bool = True) -> int:
    """Parses a TCP port number such as ' 8080 '.

    Raises:
        ConfigError: if text is not a decimal number in 1..65535, or is below 1024 while
            allow_privileged is False.
    """
    value = text.strip()
    if not value or len(value) > 5 or not set(value) <= _DIGITS:
        raise ConfigError("port must be a decimal number")
    port = int(value)
    if not 1 <= port <= 65535:
        raise ConfigError("port must be in 1..65535")
    if port < 1024 and not allow_privileged:
        raise ConfigError("privileged ports (below 1024) are not allowed here")
    return port


def parse_duration(value: Union[int, str]) -> int:
    """Duration in seconds from an int (already in seconds) or a string such as '90',
    '15m', '2h' or '1d'.

    Raises:
        ConfigError: if the duration is malformed, negative or longer than 366 days.
    """
    if isinstance(value, int):
        seconds = value
    else:
        text = value.strip().lower()
        unit = 1
        if text and text[-1] in _UNIT_SECONDS:
            unit = _UNIT_SECONDS[text[-1]]
            text = text[:-1]
        if not text or len(text) > 9 or not set(text) <= _DIGITS:
            raise ConfigError("duration must be digits with an optional unit s, m, h or d")
        seconds = int(text) * unit
    if not 0 <= seconds <= _MAX_DURATION:
        raise ConfigError("duration must be between 0 seconds and 366 days")
    return seconds


def expand_placeholders(template: str, values: Dict[str, str]) -> str:
    """Replaces each {name} in template by values[name]; other braces are left alone.

    Raises:
        TemplateError: if the template names a placeholder missing from values.
    """
    def substitute(match: "re.Match[str]") -> str:
        name = match.group(1)
        if name not in values:
            raise TemplateError(f"no value for placeholder {name!r}")
        return values[name]

    return _PLACEHOLDER.sub(substitute, template)
