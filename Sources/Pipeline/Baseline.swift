import Analyzer
import Foundation

/// Known findings that stay quiet, keyed by fingerprint, rule and file, with a count so a
/// second new finding of the same rule does not hide behind a known one.
public struct Baseline: Sendable, Equatable {
    public struct Key: Hashable, Sendable, Codable {
        public var fingerprint: String
        public var code: String
        public var file: String
    }

    public private(set) var counts: [Key: Int] = [:]

    public init() {}

    public init(findings: [Finding]) {
        for finding in findings where !finding.suppressed {
            counts[Key(fingerprint: finding.fingerprint, code: finding.code, file: finding.file), default: 0] += 1
        }
    }

    /// Splits findings into new ones and the ones the baseline already knows, in order.
    public func partition(_ findings: [Finding]) -> (new: [Finding], known: [Finding]) {
        var remaining = counts
        var new: [Finding] = [], known: [Finding] = []
        for finding in findings {
            let key = Key(fingerprint: finding.fingerprint, code: finding.code, file: finding.file)
            if let left = remaining[key], left > 0 {
                remaining[key] = left - 1
                known.append(finding)
            } else {
                new.append(finding)
            }
        }
        return (new, known)
    }

    private struct FileFormat: Codable {
        struct Entry: Codable {
            var fingerprint: String
            var code: String
            var file: String
            var count: Int
        }
        var version: Int
        var tool: String
        var entries: [Entry]
    }

    public func encoded() -> Data {
        let entries = counts.map { FileFormat.Entry(fingerprint: $0.key.fingerprint, code: $0.key.code, file: $0.key.file, count: $0.value) }
            .sorted { ($0.file, $0.code, $0.fingerprint) < ($1.file, $1.code, $1.fingerprint) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(FileFormat(version: 1, tool: "autosafecoder", entries: entries))) ?? Data()
    }

    public static func load(path: String) throws -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SelectionError(message: "\(path): cannot read the baseline")
        }
        let file: FileFormat
        do {
            file = try JSONDecoder().decode(FileFormat.self, from: data)
        } catch {
            throw SelectionError(message: "\(path): not a baseline written by `scan --write-baseline` (\(error.localizedDescription))")
        }
        guard file.version == 1 else { throw SelectionError(message: "\(path): unsupported baseline version \(file.version)") }
        var baseline = Baseline()
        for entry in file.entries where entry.count > 0 {
            baseline.counts[Key(fingerprint: entry.fingerprint, code: entry.code, file: entry.file), default: 0] += entry.count
        }
        return baseline
    }
}
