"""Mapping of the application's log levels to syslog."""
from enum import Enum


class Level(Enum):
    DEBUG = "debug"
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"
    CRITICAL = "critical"


_SYSLOG_SEVERITY = {
    Level.DEBUG: 7,
    Level.INFO: 6,
    Level.ERROR: 3,
    Level.CRITICAL: 2,
}


def syslog_priority(level: Level, facility: int = 1) -> int:
    """Syslog PRI value (facility * 8 + severity) for a log level; facility 1 is 'user'."""
    if not 0 <= facility <= 23:
        raise ValueError("facility must be in 0..23")
    return facility * 8 + _SYSLOG_SEVERITY[level]
