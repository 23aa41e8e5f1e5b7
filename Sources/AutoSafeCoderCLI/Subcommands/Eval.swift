import ArgumentParser
import CodingAgent
import Foundation
import Pipeline
import PolicyKit

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the paper's evaluation on a SecurityEval- or HumanEval-format dataset.",
        discussion: """
        With --from-insecure-code the loop starts from the dataset's own code (for HumanEval,
        the canonical solution) and runs offline with the built-in agent.

        Example:
          autosafecoder eval --dataset securityeval.jsonl --from-insecure-code
        """
    )

    @Option(help: ArgumentHelp("Dataset in JSON lines (optionally gzip'd).", valueName: "file"))
    var dataset: String

    @Flag(help: "Start from the dataset's own code instead of asking an LLM (runs offline).")
    var fromInsecureCode = false

    @OptionGroup var policyOptions: PolicyOptions

    func validate() throws {
        if !fromInsecureCode {
            throw ValidationError("generating code for each prompt needs an LLM agent, which this version does not have yet; pass --from-insecure-code to start from the dataset's code with the built-in agent")
        }
    }

    func run() throws {
        let (policy, _) = try PolicyLocator.load(explicitPath: policyOptions.policy, root: FileManager.default.currentDirectoryPath)
        let agent = BuiltinAgent(engine: ScanRunner(policy: policy).engine, maxRounds: policy.fix.maxStaticRounds)
        let out = Terminal.standardOutput
        func percent(_ part: Int, _ whole: Int) -> String { whole == 0 ? "–" : String(format: "%.1f%%", Double(part) * 100 / Double(whole)) }
        switch try Evaluation.load(path: dataset) {
        case .securityEval(let records):
            let t = Evaluation.securityEval(records, agent: agent)
            out.writeLine("SecurityEval-format dataset: \(t.samples) samples, built-in agent, from the dataset's insecure code")
            out.writeLine("| measure | value |")
            out.writeLine("|---|---|")
            out.writeLine("| vulnerable code before the loop (medium+ finding) | \(percent(t.vulnerableBefore, t.samples)) (\(t.vulnerableBefore)/\(t.samples)) |")
            out.writeLine("| vulnerable code after the loop | \(percent(t.vulnerableAfter, t.samples)) (\(t.vulnerableAfter)/\(t.samples)) |")
            out.writeLine("| samples changed by verified static fixes | \(t.staticallyFixed) |")
            out.writeLine("| flagged with their labelled CWE | \(t.flaggedWithLabel) |")
            out.writeLine("| … of which no finding of that CWE remains | \(percent(t.labelGoneAfter, t.flaggedWithLabel)) (\(t.labelGoneAfter)/\(t.flaggedWithLabel)) |")
            out.writeLine("| crash fixes (needs the fuzzing agent) | – |")
            if t.unparsable > 0 { out.writeLine("| samples that do not parse | \(t.unparsable) |") }
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
