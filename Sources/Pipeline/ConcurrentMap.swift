import Dispatch
import Foundation

/// `transform` of every item, computed on all cores, returned in the items' order. Items are
/// started in `order` (indices; all of them once), so the caller can start the long ones first.
func concurrentMap<Item: Sendable, Result: Sendable>(_ items: [Item], order: [Int]? = nil,
                                                     _ transform: @Sendable (Item) -> Result) -> [Result] {
    let slots = Slots<Result>(count: items.count)
    DispatchQueue.concurrentPerform(iterations: items.count) { turn in
        let index = order?[turn] ?? turn
        slots.set(index, transform(items[index]))
    }
    return slots.values
}

/// Results written from concurrent iterations, each into its own slot.
private final class Slots<Value: Sendable>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    var values: [Value] { storage.compactMap { $0 } }
}
