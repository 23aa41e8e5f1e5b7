from typing import Generic, Iterator, List, Optional, TypeVar

T = TypeVar("T")


class RingBuffer(Generic[T]):
    """Fixed-size FIFO buffer used by the metrics sampler."""

    def __init__(self, capacity: int) -> None:
        if capacity <= 0:
            raise ValueError("capacity must be positive")
        self._items: List[Optional[T]] = [None] * capacity
        self._head = 0
        self._size = 0

    def push(self, item: T) -> None:
        tail = (self._head + self._size) % len(self._items)
        self._items[tail] = item
        if self._size == len(self._items):
            self._head = (self._head + 1) % len(self._items)
        else:
            self._size += 1
        assert 0 < self._size <= len(self._items)

    def pop(self) -> T:
        if not self._size:
            raise IndexError("pop from empty RingBuffer")
        item = self._items[self._head]
        self._items[self._head] = None
        self._head = (self._head + 1) % len(self._items)
        self._size -= 1
        assert item is not None
        return item

    def __iter__(self) -> Iterator[T]:
        for i in range(self._size):
            yield self._items[(self._head + i) % len(self._items)]

    def __len__(self) -> int:
        return self._size
