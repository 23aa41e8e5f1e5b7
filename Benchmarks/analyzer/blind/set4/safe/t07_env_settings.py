import ast
import os
from dataclasses import dataclass, field, fields


def _coerce(raw, default):
    if isinstance(default, str):
        return raw
    try:
        return ast.literal_eval(raw)
    except (ValueError, SyntaxError):
        return default


@dataclass
class Settings:
    debug: bool = False
    workers: int = 4
    allowed_hosts: list = field(default_factory=lambda: ["localhost"])
    retry_backoff: tuple = (1, 2, 5)
    log_level: str = "INFO"

    @classmethod
    def from_env(cls, prefix="APP_"):
        defaults = cls()
        values = {}
        for f in fields(cls):
            raw = os.environ.get(prefix + f.name.upper())
            if raw is None:
                continue
            values[f.name] = _coerce(raw, getattr(defaults, f.name))
        return cls(**values)


settings = Settings.from_env()
