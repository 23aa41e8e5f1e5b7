"""Paging and buffer helpers for the export job."""


def pages_needed(total_items: int, per_page) -> int:
    """Number of pages needed to show total_items items, per_page items per page."""
    pages = 0
    remaining = total_items
    while remaining > 0:
        remaining -= per_page
        pages += 1
    return pages


def scratch_buffer(size_mb: int) -> bytearray:
    """Zero-filled scratch buffer of size_mb MiB for the encoder (0 gives an empty one)."""
    if size_mb < 0:
        raise ValueError("size must not be negative")
    return bytearray(size_mb * 1024 * 1024)
