#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A Python file to judge, with its content as it will be committed (or as on disk).
public struct SourceFile: Sendable {
    /// Path relative to the repository root (or as given for plain paths).
    public var path: String
    public var bytes: [UInt8]
    /// Lines the change adds; nil when the whole file is in scope (plain paths, `--all`).
    public var addedLines: [ClosedRange<Int>]?

    public init(path: String, bytes: [UInt8], addedLines: [ClosedRange<Int>]?) {
        self.path = path
        self.bytes = bytes
        self.addedLines = addedLines
    }

    public func isAdded(line: Int) -> Bool {
        guard let addedLines else { return true }
        return addedLines.contains { $0.contains(line) }
    }
}

/// Why a file was not judged; each is counted in the report.
public enum SkipReason: String, Sendable, CaseIterable, Comparable {
    case deleted, binary, submodule, symlink, tooLarge = "too-large", notPython = "not-python", excluded

    public static func < (lhs: SkipReason, rhs: SkipReason) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Whether a path or content is Python: `.py`, `.pyi`, or a python shebang.
enum PythonFileKind {
    static func isPython(path: String, head: some Collection<UInt8>) -> Bool {
        if path.hasSuffix(".py") || path.hasSuffix(".pyi") { return true }
        let firstLine = head.prefix(128).prefix { $0 != 10 }
        guard firstLine.starts(with: Array("#!".utf8)) else { return false }
        return String(decoding: firstLine, as: UTF8.self).contains("python")
    }

    /// Git's heuristic: a NUL byte in the first 8000 bytes means binary.
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        // memchr: a byte-at-a-time search cost as much as reading the file.
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return false }
            return memchr(base, 0, min(buffer.count, 8000)) != nil
        }
    }
}
