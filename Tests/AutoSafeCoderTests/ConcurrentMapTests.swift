@testable import Pipeline
import Testing

@Suite("Concurrent map")
struct ConcurrentMapTests {
    /// Started in any order (largest file first, as the scan does), the results come back in
    /// the items' order, each exactly once.
    @Test func resultsKeepTheItemsOrder() {
        let items = Array(0..<500)
        let order = items.sorted { ($0 * 7919) % 500 < ($1 * 7919) % 500 }
        #expect(concurrentMap(items, order: order) { $0 * 2 } == items.map { $0 * 2 })
        #expect(concurrentMap(items) { String($0) } == items.map(String.init))
        #expect(concurrentMap([Int](), order: []) { $0 }.isEmpty)
    }
}
