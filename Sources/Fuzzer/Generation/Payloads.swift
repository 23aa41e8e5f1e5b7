import Foundation

/// Text the fuzzer plants for the security oracles. Each carries the run's marker, an
/// identifier no real program uses; when the worker's audit hook sees the marker reach a sink
/// in a dangerous position (after a shell operator, as a name in executed code, behind `..` in
/// an opened path, outside SQL quotes, as a class pickle looks up), the flaw is confirmed.
public struct Payloads: Sendable {
    public let marker: String

    public init(seed: UInt64) {
        var rng = Xoshiro(seed: seed ^ 0x5EC0_2E7)
        let suffix = String(rng.next() & 0xFF_FFFF, radix: 16)
        marker = "ascpwn" + String(repeating: "0", count: max(0, 6 - suffix.count)) + suffix
    }

    /// A protocol-0 pickle whose only instruction looks up the class `<marker>.x`.
    public var pickle: [UInt8] { Array("c\(marker)\nx\n.".utf8) }

    public var strings: [String] {
        let m = marker
        return [
            // CWE-78: shell operators, then the marker as a command.
            "x;\(m)", "x|\(m)", "x && \(m)", "$(\(m))", "`\(m)`", "x\n\(m)",
            // CWE-94/95: the marker as a name in evaluated code.
            m, "\(m)()", "__import__('\(m)')", "'+\(m)+'", "\"+\(m)+\"", "1+\(m)",
            // CWE-22: traversal out of a base directory, and an absolute path.
            "../../../../../../\(m)/x", "/\(m)/x", "..\\..\\..\\\(m)\\x",
            // CWE-89: out of a quoted literal, and into a numeric context.
            "' OR \(m)='1", "\" OR \(m)=\"1", "1 OR \(m)=1", "x'; SELECT \(m); --",
            // CWE-502: a pickle (raw, base64 and hex) and YAML's Python tags.
            String(decoding: pickle, as: UTF8.self), base64(pickle), hex(pickle),
            "!!python/object/apply:\(m).x []", "!!python/name:\(m).x",
        ]
    }

    public var bytes: [[UInt8]] {
        [pickle, Array(base64(pickle).utf8)] + strings.prefix(6).map { Array($0.utf8) }
    }

    func base64(_ data: [UInt8]) -> String { Data(data).base64EncodedString() }

    func hex(_ data: [UInt8]) -> String { ValueEncoding.hex(data) }
}
