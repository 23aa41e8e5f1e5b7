import ArgumentParser
import Foundation
import Fuzzer
import LibGit
import Pipeline
import PolicyKit

struct Fuzz: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fuzz Python functions in a sandboxed worker and report crashes, hangs and security flaws.",
        discussion: """
        Targets are module-level functions and static or class methods. Each runs for the
        policy's CI budget per function (fuzz.ci), or --budget seconds. Exit status 1 when
        something was found (gate.fail_on_fuzz_crash), 0 when not.

        Examples:
          autosafecoder fuzz app/parse.py
          autosafecoder fuzz app/parse.py::parse_header --budget 30 --seed 7
          autosafecoder fuzz app/ --format json --write-tests tests/regressions
        """
    )

    @Argument(help: ArgumentHelp("Files, directories or FILE::FUNCTION targets.", valueName: "target"))
    var targets: [String]

    @Option(help: ArgumentHelp("Seconds per function (overrides the policy's fuzz.ci budget).", valueName: "seconds"))
    var budget: Double?

    @Option(help: "Random seed, for a reproducible run (default: from the clock, shown in the report).")
    var seed: UInt64?

    @Option(help: ArgumentHelp("Sandbox: auto, bwrap or audit (overrides fuzz.sandbox).", valueName: "mode"))
    var sandbox: SandboxMode?

    @Option(help: ArgumentHelp("Python interpreter for the worker (>= 3.9).", valueName: "python"))
    var python: String = "python3"

    @Option(help: ArgumentHelp("Report format: text, json, sarif, github or junit (default: the policy's output.format).", valueName: "format"))
    var format: Policy.Format?

    @Option(help: ArgumentHelp("Write the report to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("Write a pytest regression test per finding into this directory.", valueName: "dir"))
    var writeTests: String?

    @OptionGroup var policyOptions: PolicyOptions

    func validate() throws { try Self.validate(budget: budget) }

    /// `--budget` of `fuzz` and `scan`: seconds per function, more than 0 and at most a day.
    static func validate(budget: Double?) throws {
        if let budget, !(budget > 0 && budget <= 86_400) {
            throw ValidationError("--budget must be more than 0 and at most 86400 seconds")
        }
    }

    func run() throws {
        let cwd = FileManager.default.currentDirectoryPath
        let repository = try? Repository.open(containing: cwd)
        let root = repository?.workingDirectory ?? cwd
        let (policy, _) = try PolicyLocator.load(explicitPath: policyOptions.policy, root: root)

        var requests: [FuzzRequest] = []
        var selection = Selection()
        for target in targets {
            let (path, function) = Self.split(target)
            for file in try Self.pythonFiles(at: path, policy: policy) {
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw FuzzError("error: cannot read \(file)", exitStatus: .badInput)
                }
                let absolute = URL(fileURLWithPath: file, relativeTo: URL(fileURLWithPath: cwd + "/")).standardizedFileURL.path
                if let index = requests.firstIndex(where: { $0.path == absolute }) {
                    if let function { requests[index].functions?.insert(function) } else { requests[index].functions = nil }
                    continue
                }
                requests.append(FuzzRequest(displayPath: file, path: absolute, source: [UInt8](data), functions: function.map { [$0] }))
                selection.files.append(SourceFile(path: file, bytes: [UInt8](data), addedLines: nil))
            }
        }
        let roots = Array(Set([root, cwd].map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }))
        let showProgress = isatty(STDERR_FILENO) == 1
        let progress: (@Sendable (String) -> Void)? = showProgress ? Self.showProgress : nil
        let options = FuzzStage.options(policy: policy, setting: .ci, budget: budget, seed: seed, sandbox: sandbox, roots: roots, python: python, progress: progress)
        let report = try FuzzCampaign(options: options).run(requests)
        if showProgress { Terminal.standardError.write("\r\u{1B}[K") }

        let decision = GateDecision.decide(selection: selection, results: [], policy: policy, baseline: nil, fuzz: report)
        let rendered: String
        switch format ?? policy.output.format {
        case .text: rendered = TextReport.fuzzFindings(report, style: .init(color: output == nil && Terminal.standardOutput.usesColor))
        case .json: rendered = JSONReport.render(decision, toolVersion: AutoSafeCoder.version)
        case .sarif: rendered = SARIFReport.render(decision, toolVersion: AutoSafeCoder.version)
        case .github: rendered = GitHubReport.render(decision)
        case .junit: rendered = JUnitReport.render(decision)
        }
        if let output { try AtomicFile.write(rendered, to: output) } else { Terminal.standardOutput.write(rendered) }
        if let writeTests {
            let written = try FuzzStage.writeRegressionTests(report, requests: requests, directory: writeTests)
            if !written.isEmpty { Terminal.standardError.writeLine("autosafecoder: wrote \(written.count) regression test(s) to \(writeTests)") }
        }
        Terminal.standardError.writeLine("autosafecoder: " + TextReport.fuzzSummary(report) + " (seed \(report.seed))")
        if !decision.passed { throw GateFailure() }
    }

    @Sendable static func showProgress(_ note: String) {
        Terminal.standardError.write("\r\u{1B}[K" + String(note.prefix(150)))
    }

    /// `file.py::Class.method` → (`file.py`, `Class.method`).
    static func split(_ target: String) -> (String, String?) {
        guard let range = target.range(of: "::") else { return (target, nil) }
        let function = String(target[range.upperBound...])
        return (String(target[..<range.lowerBound]), function.isEmpty ? nil : function)
    }

    /// A file, or the Python files under a directory (the policy's excludes apply).
    static func pythonFiles(at path: String, policy: Policy) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw FuzzError("error: \(path): no such file or directory", exitStatus: .badInput)
        }
        guard isDirectory.boolValue else { return [path] }
        let selection = try FileSelector.select(.paths([path]), analyzer: policy.analyzer, repository: nil)
        return selection.files.map(\.path).filter { $0.hasSuffix(".py") }
    }
}

extension SandboxMode: ExpressibleByArgument {}
