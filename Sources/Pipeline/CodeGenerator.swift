import Analyzer
import CodingAgent
import Foundation
import Fuzzer
import PolicyKit
import PythonSyntax

/// `generate`: the paper's flow from a written requirement to verified code. The LLM agent
/// writes the code; static analysis and the fixers (built-in first, then the LLM) repair it for
/// up to `fix.max_static_rounds`; the fuzzer tries every function and the LLM fixes crashes for
/// up to `fix.max_fuzz_rounds`. What is left is reported.
public struct CodeGenerator {
    public let policy: Policy
    /// Where fuzzing may import sibling modules from (the current directory).
    public let root: String

    public init(policy: Policy, root: String) {
        self.policy = policy
        self.root = root
    }

    public struct Result: Sendable {
        /// What the LLM first wrote, before any check.
        public var initial: String = ""
        /// Whether a static round changed the code, and whether a fuzz round fixed a crash.
        public var staticFixes = false
        public var crashFixes = false
        public var code: String
        /// Findings of medium severity or more still in the code.
        public var findings: [Finding]
        /// Crashes, hangs and injections fuzzing still finds.
        public var fuzzFindings: [FuzzFinding]
        /// What happened, one line per step.
        public var log: [String]
        public var verified: Bool { findings.isEmpty && fuzzFindings.isEmpty }
    }

    public func run(requirement: String, filename: String) throws -> Result {
        let engine = ScanRunner(policy: policy).engine
        guard let llm = try AgentFactory.llmAgent(policy: policy, engine: engine) else { throw Self.needsAgent }
        return try run(requirement: requirement, filename: filename, llm: llm, engine: engine)
    }

    public static let needsAgent = AgentConfigurationError(message: "generate needs an LLM agent: set fix.agent (openai, anthropic or ollama), fix.model and fix.api_key_env in the policy; the built-in agent repairs code but does not write it")

    public func run(requirement: String, filename: String, llm: LLMAgent, engine: AnalysisEngine) throws -> Result {
        var log: [String] = []
        let path = (filename as NSString).lastPathComponent
        var code = try llm.generate(requirement: requirement) { candidate in
            do throws(SyntaxError) {
                _ = try PythonSyntax.parse(Array(candidate.utf8), filename: path)
                return nil
            } catch {
                return "the code does not parse: line \(error.line): \(error.message)"
            }
        }
        log.append("\(llm.name) wrote \(code.split(separator: "\n").count) lines")
        let initial = code
        var crashFixes = false

        // Static rounds: the built-in agent for what it can fix mechanically, the LLM for the rest.
        let builtin = BuiltinAgent(engine: engine, maxRounds: policy.fix.maxStaticRounds)
        let findings = analyze(code, path: path, engine: engine)
        if !findings.isEmpty {
            var outcome = builtin.fix(path: path, source: Array(code.utf8), targets: Set(findings.map { $0.fingerprint }))
            if let fixed = outcome.fixed { log.append("built-in agent fixed \(outcome.repaired.count) finding(s)"); code = String(decoding: fixed, as: UTF8.self) }
            let left = analyze(code, path: path, engine: engine)
            if !left.isEmpty {
                outcome = llm.fixFindings(path: path, source: Array(code.utf8), targets: left)
                if let fixed = outcome.fixed { code = String(decoding: fixed, as: UTF8.self) }
                log.append("\(llm.name) fixed \(outcome.repaired.count) of \(left.count) finding(s)")
            }
        }

        let staticChanged = code != initial
        // Fuzz rounds.
        let verifier = PatchVerifier(policy: policy, root: root)
        var fuzzFindings: [FuzzFinding] = []
        if let parsed = try? PythonSyntax.parse(Array(code.utf8), filename: path) {
            let functions = Set(TargetDiscovery.targets(in: parsed).map(\.name))
            for round in 0...max(0, policy.fix.maxFuzzRounds) where !functions.isEmpty {
                fuzzFindings = verifier.fuzz(path: path, source: Array(code.utf8), functions: functions)?.findings ?? []
                let crashes = fuzzFindings.filter { $0.kind != .security }
                log.append("fuzzing \(round == 0 ? "" : "after round \(round) ")found \(fuzzFindings.isEmpty ? "nothing" : GateDecision.fuzzCounts(fuzzFindings))")
                guard !crashes.isEmpty, round < policy.fix.maxFuzzRounds else { break }
                let described = crashes.map {
                    CrashReport(function: $0.function, call: $0.call, outcome: $0.exception.map { e in "raises \(e)" } ?? $0.message, traceback: [])
                }
                let (fixed, _) = llm.fixCrashes(path: path, source: Array(code.utf8), crashes: described) { candidate in
                    verifier.stillFails(path: path, candidate: candidate, crashes: crashes)
                }
                guard let fixed else { log.append("\(llm.name) could not fix the crashes"); break }
                code = String(decoding: fixed, as: UTF8.self)
                crashFixes = true
            }
        }
        return Result(initial: initial, staticFixes: staticChanged, crashFixes: crashFixes, code: code,
                      findings: analyze(code, path: path, engine: engine), fuzzFindings: fuzzFindings, log: log)
    }

    private func analyze(_ code: String, path: String, engine: AnalysisEngine) -> [Finding] {
        guard let parsed = try? PythonSyntax.parse(Array(code.utf8), filename: path) else { return [] }
        return engine.analyze(parsed, file: path).filter { !$0.suppressed && $0.severity >= .medium }
    }
}
