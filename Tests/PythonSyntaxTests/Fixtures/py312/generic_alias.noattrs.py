type Pair[K, V] = tuple[K, V]
