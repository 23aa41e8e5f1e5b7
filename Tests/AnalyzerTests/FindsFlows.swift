@testable import Analyzer

/// Suites that judge data-flow findings by "line:code" (`found`), on the engine
/// `DataFlowTests.findings` sets up.
protocol FindsFlows {}

extension FindsFlows {
    func found(_ source: String, enable: [String] = ["ASC1"]) throws -> [String] {
        try DataFlowTests().findings(source, enable: enable).map { "\($0.line):\($0.code)" }
    }
}
