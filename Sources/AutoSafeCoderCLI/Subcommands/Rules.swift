import Analyzer
import ArgumentParser
import Foundation

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the analyzer's rules with their CWE, severity and confidence.",
        discussion: """
        Example:
          autosafecoder rules --format markdown
        """
    )

    enum ListFormat: String, ExpressibleByArgument, CaseIterable { case text, json, markdown }

    @Option(help: "Output format: text, json or markdown.")
    var format: ListFormat = .text

    func run() throws {
        let rules = RuleRegistry.descriptions.sorted { $0.code < $1.code }
        Terminal.standardOutput.write(RuleCatalog.render(rules, format: format))
    }
}

/// Renders the rule descriptions; the markdown form is the published rule reference.
enum RuleCatalog {
    static func render(_ rules: [RuleDescription], format: Rules.ListFormat) -> String {
        switch format {
        case .text:
            return rules.map { rule in
                let alias = rule.banditID.map { " (\($0))" } ?? ""
                return "\(rule.code)\(alias)  \(rule.cweID)  \(rule.severity.rawValue)/\(rule.confidence.rawValue)  \(rule.name)\(rule.fixAvailable ? "  [fix]" : "")\(rule.optIn ? "  [opt-in]" : "")"
            }.joined(separator: "\n") + "\n"
        case .markdown:
            var out = "| code | Bandit | CWE | severity | confidence | name | fix | why, and what to do instead |\n|---|---|---|---|---|---|---|---|\n"
            for rule in rules {
                let why = rule.rationale.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
                out += "| \(rule.code) | \(rule.banditID ?? "") | \(rule.cweID) | \(rule.severity.rawValue) | \(rule.confidence.rawValue) | \(rule.name)\(rule.optIn ? " (opt-in)" : "") | \(rule.fixAvailable ? "yes" : "") | \(why) |\n"
            }
            return out
        case .json:
            let items: [[String: Any]] = rules.map { rule in
                var item: [String: Any] = [
                    "code": rule.code, "name": rule.name, "cwe": rule.cweID, "severity": rule.severity.rawValue,
                    "confidence": rule.confidence.rawValue, "rationale": rule.rationale, "fix_available": rule.fixAvailable, "opt_in": rule.optIn,
                ]
                if let bandit = rule.banditID { item["bandit"] = bandit }
                if let ruff = rule.ruffCode { item["ruff"] = ruff }
                return item
            }
            let data = (try? JSONSerialization.data(withJSONObject: ["version": 1, "rules": items], options: [.prettyPrinted, .sortedKeys])) ?? Data()
            return String(decoding: data, as: UTF8.self) + "\n"
        }
    }
}
