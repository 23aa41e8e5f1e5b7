import Diagnostics

/// The typed policy: every key of `policy.yaml`, each with its default.
///
/// The defaults here are the single source; the commented `policy.yaml` at the top of the
/// repository restates them and a test checks the two agree.
public struct Policy: Sendable, Equatable {
    public var version = 1
    public var analyzer = Analyzer()
    public var gate = Gate()
    public var fuzz = Fuzz()
    public var fix = Fix()
    public var output = Output()

    public init() {}

    public struct Analyzer: Sendable, Equatable {
        public var minSeverity: Severity = .low
        public var minConfidence: Confidence = .low
        /// Rule selectors (rule code, Bandit id such as `B602`, or `CWE-78`); empty means every rule.
        public var enable: [String] = []
        public var disable: [String] = []
        /// Globs a file must match; empty means every Python file (`.py`, `.pyi`, a python shebang).
        public var include: [String] = []
        public var exclude: [String] = [".git/**", "**/.venv/**", "**/venv/**", "**/node_modules/**", "**/__pycache__/**"]
        /// Files larger than this are skipped and counted.
        public var maxFileSizeKB = 1024
        public init() {}
    }

    public enum Scope: String, Sendable, CaseIterable {
        case changedLines = "changed-lines"
        case changedFunctions = "changed-functions"
        case changedFiles = "changed-files"
        case all
    }

    public struct Gate: Sendable, Equatable {
        /// Maximum new findings allowed per severity; nil means unlimited.
        public var maxNewFindings: [Severity: Int?] = [.high: 0, .medium: 0, .low: nil]
        public var failOnFuzzCrash = true
        public var scope: Scope = .changedLines
        public var baseline: String?
        public init() {}

        public func limit(for severity: Severity) -> Int? { maxNewFindings[severity] ?? nil }
    }

    public enum Sandbox: String, Sendable, CaseIterable {
        case auto, bwrap, audit
    }

    /// A time budget for one kind of run.
    public struct Budget: Sendable, Equatable {
        public var perFunctionSeconds: Double
        public var totalSeconds: Double
        public init(perFunctionSeconds: Double, totalSeconds: Double) {
            self.perFunctionSeconds = perFunctionSeconds
            self.totalSeconds = totalSeconds
        }
    }

    public struct Fuzz: Sendable, Equatable {
        public var enabled = true
        /// Budget in the pre-commit hook (`scan --staged`), where every second is felt.
        public var hook = Budget(perFunctionSeconds: 1, totalSeconds: 10)
        /// Budget in CI (`scan --range` / `--base`) and for `fuzz`.
        public var ci = Budget(perFunctionSeconds: 10, totalSeconds: 300)
        public var maxExecutions = 100_000
        /// Exception type names that are documented behaviour, not bugs.
        public var expectedExceptions: [String] = []
        public var sandbox: Sandbox = .auto
        public var memoryLimitMB = 512
        public var callTimeoutMS = 1000
        public init() {}
    }

    public enum Agent: String, Sendable, CaseIterable {
        case builtin, openai, anthropic, ollama
    }

    public enum CommitGranularity: String, Sendable, CaseIterable {
        case file, finding
    }

    public struct Fix: Sendable, Equatable {
        public var agent: Agent = .builtin
        public var model = ""
        public var baseURL = ""
        /// Name of the environment variable that holds the API key (never the key itself).
        public var apiKeyEnv = ""
        public var maxStaticRounds = 4
        public var maxFuzzRounds = 2
        /// `{short_sha}` is replaced with the scanned commit's short id.
        public var branch = "autosafecoder/fix/{short_sha}"
        public var verifyCommand = ""
        public var commitPer: CommitGranularity = .file
        public var requestTimeoutSeconds = 120
        public init() {}
    }

    public enum Format: String, Sendable, CaseIterable {
        case text, json, sarif, github, junit
    }

    public struct Output: Sendable, Equatable {
        public var format: Format = .text
        public init() {}
    }
}
