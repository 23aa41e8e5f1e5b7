import Foundation
import PythonSyntax

/// Settings of a fuzzing run (from the policy and the command line).
public struct FuzzOptions: Sendable {
    public var perFunctionSeconds: Double
    public var totalSeconds: Double
    public var maxExecutions: Int
    public var expectedExceptions: [String]
    public var sandbox: SandboxMode
    public var memoryLimitMB: Int
    public var callTimeout: Double
    public var seed: UInt64
    public var python: String
    /// Directories whose files are the user's code (coverage, own `raise`).
    public var roots: [String]
    /// Called with a one-line progress note (the CLI shows it on a TTY).
    public var progress: (@Sendable (String) -> Void)?
    /// Keep up to this many inputs per target that returned normally with no oracle or guard
    /// involved (`FuzzReport.samples`): the differential check replays them on a patch.
    public var samplesPerTarget = 0
    /// The paper's tester agent: given a function's source and name, calls worth trying
    /// (Python source, one call per line). Set when an LLM agent is configured.
    public var seedProposer: (@Sendable (_ source: String, _ function: String) -> String)?

    public init(perFunctionSeconds: Double, totalSeconds: Double, maxExecutions: Int, expectedExceptions: [String], sandbox: SandboxMode,
                memoryLimitMB: Int, callTimeout: Double, seed: UInt64, python: String = "python3", roots: [String], progress: (@Sendable (String) -> Void)? = nil) {
        self.perFunctionSeconds = perFunctionSeconds
        self.totalSeconds = totalSeconds
        self.maxExecutions = maxExecutions
        self.expectedExceptions = expectedExceptions
        self.sandbox = sandbox
        self.memoryLimitMB = memoryLimitMB
        self.callTimeout = callTimeout
        self.seed = seed
        self.python = python
        self.roots = roots
        self.progress = progress
    }
}

/// A file to fuzz and which of its functions.
public struct FuzzRequest: Sendable {
    /// The path shown in reports (as the user or the repository names it).
    public var displayPath: String
    /// The file the worker imports (absolute).
    public var path: String
    public var source: [UInt8]
    /// Function names to fuzz (`f`, `Class.method`); nil means every target of the file.
    public var functions: Set<String>?
    /// Directories the module's own imports are found in, when `path` is a private copy.
    public var searchPath: [String] = []
    public init(displayPath: String, path: String, source: [UInt8], functions: Set<String>? = nil) {
        self.displayPath = displayPath
        self.path = path
        self.source = source
        self.functions = functions
    }
}

/// The fuzzing agent: for each target, seeds then coverage-guided mutation in batches, triage,
/// deduplication and minimisation, within the budgets.
public struct FuzzCampaign: Sendable {
    public let options: FuzzOptions

    public init(options: FuzzOptions) { self.options = options }

    public func run(_ requests: [FuzzRequest]) throws(FuzzError) -> FuzzReport {
        var report = FuzzReport()
        report.seed = options.seed
        let sandbox: Sandbox
        do { sandbox = try Sandbox.resolve(options.sandbox) } catch { throw FuzzError(error.description, exitStatus: .badInput) }
        report.sandbox = sandbox
        guard let (python, version) = Executables.resolvePython(options.python) else {
            throw FuzzError("error: \(options.python) not found on PATH (or it does not run); the fuzzer runs functions with python3 >= 3.9", exitStatus: .badInput,
                            pythonUnavailable: true)
        }
        guard version.lexicographicallyPrecedes([3, 9]) == false else {
            throw FuzzError("error: \(python) is Python \(version.map(String.init).joined(separator: ".")); the fuzzer needs python3 >= 3.9", exitStatus: .badInput,
                            pythonUnavailable: true)
        }
        let started = Date()
        for request in requests {
            let parsed: ParsedModule
            do { parsed = try PythonSyntax.parse(request.source, filename: request.displayPath) } catch {
                throw FuzzError("\(request.displayPath):\(error.line):\(error.column): \(error.message)", exitStatus: .badInput)
            }
            var targets = TargetDiscovery.targets(in: parsed)
            if let wanted = request.functions {
                for name in wanted.sorted() where !targets.contains(where: { $0.name == name }) {
                    throw FuzzError("\(request.displayPath): no module-level function or static/class method named `\(name)`", exitStatus: .badInput)
                }
                targets = targets.filter { wanted.contains($0.name) }
            }
            guard !targets.isEmpty else { continue }
            var file = FileFuzzer(request: request, targets: targets, options: options, python: python, sandbox: sandbox, campaignStart: started)
            try file.run(into: &report)
        }
        return report
    }
}
