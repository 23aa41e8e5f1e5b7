"""Helpers for nested data, undo histories, sorting and sharding."""
import zlib
from typing import Tuple, Union


def flatten(items):
    """Flattens nested lists: [1, [2, [3]], 4] -> [1, 2, 3, 4]."""
    result = []
    for item in items:
        if isinstance(item, list):
            result.extend(flatten(item))
        else:
            result.append(item)
    return result


def apply_command(history: list[str], cmd: str) -> list[str]:
    """Applies an editor command to an undo history (oldest state first).

    'undo' drops the newest state, 'clear' empties the history and 'reset' keeps only the
    newest state; any other text is recorded as a new state. Returns the new history.
    """
    if cmd == "undo":
        return history[:-1]
    if cmd == "clear":
        return []
    if cmd == "reset":
        return [history[len(history)]]
    return history + [cmd]


def sort_key(field, record: Tuple[str, int, float]):
    """Sort key for a task record (title, priority, due) by field name.

    'title' sorts case-insensitively, 'priority' highest first, 'due' earliest first; an
    unknown field sorts by the whole record.
    """
    if field == "title":
        return record[0].casefold()
    if field == "due":
        return record[2]
    if field == "priority":
        return -record[3]
    return record


def shard_for(key: Union[str, bytes], shards) -> int:
    """Stable shard number in [0, shards) for a key (CRC-32 based, unlike hash())."""
    data = key.encode("utf-8", "replace") if isinstance(key, str) else key
    return zlib.crc32(data) % shards
