import ArgumentParser
import CodingAgent
import Foundation
import Pipeline
import PolicyKit

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the paper's evaluation on a SecurityEval- or HumanEval-format dataset.",
        discussion: """
        Without --from-insecure-code the LLM agent of the policy writes each sample's code from
        its prompt and the whole loop runs (static rounds, fuzz rounds), as in the paper. With
        --from-insecure-code the loop starts from the dataset's own code (for HumanEval, the
        canonical solution) and runs offline with the built-in agent.

        Example:
          autosafecoder eval --dataset securityeval.jsonl --from-insecure-code
        """
    )

    @Option(help: ArgumentHelp("Dataset in JSON lines (optionally gzip'd).", valueName: "file"))
    var dataset: String

    @Flag(help: "Start from the dataset's own code instead of asking an LLM (runs offline).")
    var fromInsecureCode = false

    @Flag(help: "List each sample flagged with its labelled CWE and what is left of it (SecurityEval, --from-insecure-code).")
    var verbose = false

    @Option(help: ArgumentHelp("Write each SecurityEval sample's code after the loop into this directory (to judge it with other tools).", valueName: "dir"))
    var writeFixed: String?

    @OptionGroup var policyOptions: PolicyOptions

    func run() throws {
        let cwd = FileManager.default.currentDirectoryPath
        let (policy, _) = try PolicyLocator.load(explicitPath: policyOptions.policy, root: cwd)
        let engine = ScanRunner(policy: policy).engine
        let agent = BuiltinAgent(engine: engine, maxRounds: policy.fix.maxStaticRounds)
        let out = Terminal.standardOutput
        func percent(_ part: Int, _ whole: Int) -> String { whole == 0 ? "–" : String(format: "%.1f%%", Double(part) * 100 / Double(whole)) }
        if !fromInsecureCode {
            // The agent's settings first: a missing key should not wait for a dataset to load.
            guard let llm = try AgentFactory.llmAgent(policy: policy, engine: engine) else {
                throw AgentConfigurationError(message: "eval without --from-insecure-code asks an LLM agent to write each sample: set fix.agent, fix.model and fix.api_key_env in the policy, or pass --from-insecure-code to start from the dataset's code with the built-in agent")
            }
            let data = try Evaluation.load(path: dataset)
            let progress: ((String) -> Void)? = isatty(STDERR_FILENO) == 1 ? { Terminal.standardError.write("\r\u{1B}[K" + $0) } : nil
            let t = Evaluation.generated(data, generator: CodeGenerator(policy: policy, root: cwd), llm: llm, engine: engine, progress: progress)
            if progress != nil { Terminal.standardError.write("\r\u{1B}[K") }
            out.writeLine("\(t.samples) samples, code written by \(llm.name), then the loop (static rounds, fuzz rounds)")
            out.writeLine("| measure | value |")
            out.writeLine("|---|---|")
            out.writeLine("| samples generated | \(t.generated)/\(t.samples) |")
            out.writeLine("| vulnerable code before the loop (medium+ finding) | \(percent(t.vulnerableBefore, t.generated)) (\(t.vulnerableBefore)/\(t.generated)) |")
            out.writeLine("| vulnerable code after the loop | \(percent(t.vulnerableAfter, t.generated)) (\(t.vulnerableAfter)/\(t.generated)) |")
            out.writeLine("| samples changed by static-analysis fixes | \(t.staticFixes) |")
            out.writeLine("| samples with crash fixes from fuzzing | \(t.crashFixes) |")
            if case .humanEval = data {
                out.writeLine("| Pass@1 before the loop | \(percent(t.passedBefore, t.generated)) (\(t.passedBefore)/\(t.generated)) |")
                out.writeLine("| Pass@1 after the loop | \(percent(t.passedAfter, t.generated)) (\(t.passedAfter)/\(t.generated)) |")
            }
            for failure in t.failures.prefix(10) { Terminal.standardError.writeLine("autosafecoder: \(failure)") }
            return
        }
        switch try Evaluation.load(path: dataset) {
        case .securityEval(let records):
            let t = Evaluation.securityEval(records, agent: agent, writeFixed: writeFixed)
            out.writeLine("SecurityEval-format dataset: \(t.samples) samples, built-in agent, from the dataset's insecure code")
            out.writeLine("| measure | value |")
            out.writeLine("|---|---|")
            out.writeLine("| vulnerable code before the loop (medium+ finding) | \(percent(t.vulnerableBefore, t.samples)) (\(t.vulnerableBefore)/\(t.samples)) |")
            out.writeLine("| vulnerable code after the loop | \(percent(t.vulnerableAfter, t.samples)) (\(t.vulnerableAfter)/\(t.samples)) |")
            out.writeLine("| samples changed by verified static fixes | \(t.staticallyFixed) |")
            out.writeLine("| flagged with their labelled CWE | \(t.flaggedWithLabel) |")
            out.writeLine("| … of which no finding of that CWE remains | \(percent(t.labelGoneAfter, t.flaggedWithLabel)) (\(t.labelGoneAfter)/\(t.flaggedWithLabel)) |")
            out.writeLine("| crash fixes (the built-in agent makes none; an LLM agent does) | – |")
            if t.unparsable > 0 { out.writeLine("| samples that do not parse | \(t.unparsable) |") }
            if verbose {
                for detail in t.details {
                    out.writeLine("\(detail.id) CWE-\(detail.label): " + (detail.left.isEmpty ? "fixed" : "left " + detail.left.joined(separator: ", ")))
                }
            }
        case .humanEval(let records):
            let t = Evaluation.humanEval(records, agent: agent)
            out.writeLine("HumanEval-format dataset: \(t.problems) problems, canonical solutions through the built-in agent")
            out.writeLine("| measure | value |")
            out.writeLine("|---|---|")
            out.writeLine("| Pass@1 before | \(percent(t.passedBefore, t.problems)) (\(t.passedBefore)/\(t.problems)) |")
            out.writeLine("| Pass@1 after | \(percent(t.passedAfter, t.problems)) (\(t.passedAfter)/\(t.problems)) |")
            out.writeLine("| solutions changed by the agent | \(t.changed) |")
            out.writeLine("| findings of medium severity or above | \(t.findingsBefore) |")
        }
    }
}
