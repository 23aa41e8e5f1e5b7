import Diagnostics

/// A bug the fuzzer proved with an input.
public struct FuzzFinding: Sendable, Hashable {
    public enum Kind: String, Sendable {
        /// An uncaught exception that is not the function's documented behaviour.
        case crash
        /// A call that did not return within the per-call timeout.
        case hang
        /// MemoryError, or the worker over its memory limit.
        case memory
        /// Planted text reached a dangerous operation (which was blocked).
        case security
    }

    public struct Frame: Sendable, Hashable {
        public var file: String
        public var line: Int
        public var function: String
    }

    public var kind: Kind
    /// The file of the target, as the user named it.
    public var file: String
    /// Where it went wrong in that file (the crashing line), else the function's `def` line.
    public var line: Int
    public var function: String
    public var exception: String?
    public var message: String
    public var cwe: Int?
    public var input: FuzzInput
    /// The call, as Python: `parse_header('')`.
    public var call: String
    /// A short script that imports the function and makes the call.
    public var reproducer: String
    public var frames: [Frame]
    /// Seconds from the start of this function's fuzzing to the first input that showed it.
    public var foundAfter: Double
    /// Deduplication key: kind, exception type and the crashing frame.
    public var signature: String

    public static func == (a: FuzzFinding, b: FuzzFinding) -> Bool { a.signature == b.signature && a.file == b.file && a.function == b.function }
    public func hash(into hasher: inout Hasher) { hasher.combine(signature); hasher.combine(file); hasher.combine(function) }

    /// CWE of a finding, for reports: security findings carry theirs; crashes are CWE-248
    /// (uncaught exception), hangs CWE-835 (infinite loop), memory bugs CWE-400.
    public var cweID: Int {
        if let cwe { return cwe }
        switch kind {
        case .crash: return 248
        case .hang: return 835
        case .memory: return 400
        case .security: return 20
        }
    }

    /// Security flaws are high; crashes, hangs and memory bugs medium (they stop a function,
    /// not open a hole).
    public var severity: Severity { kind == .security ? .high : .medium }

    /// One line for reports: what went wrong and the input that shows it.
    public var summary: String {
        switch kind {
        case .crash: return "\(exception ?? "crash") in \(function)(): \(message.prefix(200)) — input: \(call.prefix(200))"
        case .hang: return "\(function)() does not return — input: \(call.prefix(200))"
        case .memory: return "\(function)() runs out of memory — input: \(call.prefix(200))"
        case .security: return "\(message.prefix(200)) — confirmed by input: \(call.prefix(200))"
        }
    }

    /// Stable across runs and line shifts: file, function and signature (not the input).
    public var fingerprint: String {
        let site = signature.split(separator: "@").first.map(String.init) ?? signature
        return String(UInt64(bitPattern: Int64("\(file)|\(function)|\(site)".hashValueStable)), radix: 16)
    }

    /// A stable rule-like code for reports: ASC9xx.
    public var code: String {
        switch kind {
        case .crash: return "ASC901"
        case .hang: return "ASC902"
        case .memory: return "ASC903"
        case .security: return "ASC904"
        }
    }
}

/// The status of one target.
public struct TargetReport: Sendable {
    public enum Status: String, Sendable { case fuzzed, skipped }
    public var file: String
    public var function: String
    public var line: Int
    public var status: Status
    public var reason: String?
    public var executions: Int
    public var linesCovered: Int
    public var seconds: Double
}

/// Everything a fuzzing run produced.
public struct FuzzReport: Sendable {
    public var findings: [FuzzFinding] = []
    public var targets: [TargetReport] = []
    public var sandbox: Sandbox?
    public var python: String?
    public var seed: UInt64 = 0
    /// Per function: inputs that returned normally (when `FuzzOptions.samplesPerTarget` > 0).
    public var samples: [String: [FuzzInput]] = [:]
    public init() {}
}
