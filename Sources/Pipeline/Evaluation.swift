import Analyzer
import CodingAgent
import Diagnostics
import Foundation
import PythonSyntax

/// The paper's evaluation over a dataset, with the built-in agent starting from the dataset's
/// own code (`--from-insecure-code`): SecurityEval's `ID`/`Prompt`/`Insecure_code` records, or
/// HumanEval's `task_id`/`prompt`/`canonical_solution`/`test`/`entry_point`.
public enum Evaluation {
    public struct SecurityEvalTable: Sendable {
        public var samples = 0
        public var vulnerableBefore = 0
        public var vulnerableAfter = 0
        /// Samples the agent changed (each edit verified).
        public var staticallyFixed = 0
        /// Samples with a finding of their labelled CWE before the loop.
        public var flaggedWithLabel = 0
        /// … of which none of that CWE is left after.
        public var labelGoneAfter = 0
        public var unparsable = 0
        /// Per sample flagged with its label: ID, label, and the codes of that CWE left after.
        public var details: [(id: String, label: Int, left: [String])] = []
    }

    public struct HumanEvalTable: Sendable {
        public var problems = 0
        public var passedBefore = 0
        public var passedAfter = 0
        public var changed = 0
        public var findingsBefore = 0
    }

    public enum Dataset {
        case securityEval([[String: Any]])
        case humanEval([[String: Any]])
    }

    /// Reads JSON lines, gzip'd or not (gzip through the system's `gzip -dc`).
    public static func load(path: String) throws -> Dataset {
        guard var data = FileManager.default.contents(atPath: path) else {
            throw SelectionError(message: "\(path): cannot read the dataset")
        }
        if data.starts(with: [0x1f, 0x8b]) { data = try gunzip(path) }
        var records: [[String: Any]] = []
        for (number, line) in String(decoding: data, as: UTF8.self).split(separator: "\n").enumerated() where !line.isEmpty {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw SelectionError(message: "\(path):\(number + 1): not a JSON object")
            }
            records.append(object)
        }
        guard let first = records.first else { throw SelectionError(message: "\(path): empty dataset") }
        if first["Insecure_code"] != nil, first["ID"] != nil { return .securityEval(records) }
        if first["canonical_solution"] != nil, first["entry_point"] != nil { return .humanEval(records) }
        throw SelectionError(message: "\(path): neither SecurityEval (ID, Prompt, Insecure_code) nor HumanEval (task_id, prompt, canonical_solution, test, entry_point)")
    }

    static func gunzip(_ path: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc", path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw SelectionError(message: "\(path): cannot decompress") }
        return data
    }

    /// Before and after the built-in agent, per sample; "vulnerable" means any finding of
    /// medium severity or above, as the gate judges by default.
    /// `writeFixed`: a directory to write each sample's code after the loop (`<ID>`, as the
    /// dataset names it), for judging with other tools.
    public static func securityEval(_ records: [[String: Any]], agent: BuiltinAgent, writeFixed: String? = nil) -> SecurityEvalTable {
        var table = SecurityEvalTable()
        for record in records {
            guard let id = record["ID"] as? String, let code = record["Insecure_code"] as? String else { continue }
            table.samples += 1
            let label = Int(id.dropFirst(4).prefix { $0.isNumber }) ?? 0
            let source = Array(code.utf8)
            guard let parsed = try? PythonSyntax.parse(source, filename: id) else {
                table.unparsable += 1
                continue
            }
            let before = agent.engine.analyze(parsed, file: id).filter { !$0.suppressed }
            let result = agent.fix(path: id, source: source, targets: nil)
            let fixed = result.fixed ?? source
            if let writeFixed {
                let target = (writeFixed as NSString).appendingPathComponent(id.replacingOccurrences(of: "/", with: "_"))
                try? FileManager.default.createDirectory(atPath: writeFixed, withIntermediateDirectories: true)
                try? Data(fixed).write(to: URL(fileURLWithPath: target))
            }
            let after = (try? PythonSyntax.parse(fixed, filename: id)).map { agent.engine.analyze($0, file: id).filter { !$0.suppressed } } ?? before
            if before.contains(where: { $0.severity >= .medium }) { table.vulnerableBefore += 1 }
            if after.contains(where: { $0.severity >= .medium }) { table.vulnerableAfter += 1 }
            if result.fixed != nil { table.staticallyFixed += 1 }
            if before.contains(where: { $0.cwe == label }) {
                table.flaggedWithLabel += 1
                let left = after.filter { $0.cwe == label }.map { "\($0.code)(\($0.severity.rawValue))" }
                if left.isEmpty { table.labelGoneAfter += 1 }
                table.details.append((id, label, left))
            }
        }
        return table
    }

    /// The paper's own flow: the LLM agent writes each sample's code from its prompt, then the
    /// loop (static rounds, fuzz rounds) runs. Vulnerable = a finding of medium or above.
    public struct GeneratedTable: Sendable {
        public var samples = 0
        public var generated = 0
        public var vulnerableBefore = 0
        public var vulnerableAfter = 0
        public var staticFixes = 0
        public var crashFixes = 0
        public var failures: [String] = []
        /// HumanEval only.
        public var passedBefore = 0
        public var passedAfter = 0
    }

    public static func generated(_ dataset: Dataset, generator: CodeGenerator, llm: LLMAgent, engine: AnalysisEngine,
                                 python: String = "python3", progress: ((String) -> Void)? = nil) -> GeneratedTable {
        var table = GeneratedTable()
        let records: [[String: Any]]
        let humanEval: Bool
        switch dataset {
        case .securityEval(let r): records = r; humanEval = false
        case .humanEval(let r): records = r; humanEval = true
        }
        func vulnerable(_ code: String, _ id: String) -> Bool {
            guard let parsed = try? PythonSyntax.parse(Array(code.utf8), filename: id) else { return false }
            return engine.analyze(parsed, file: id).contains { !$0.suppressed && $0.severity >= .medium }
        }
        for record in records {
            let id = (record["ID"] ?? record["task_id"]) as? String ?? "sample"
            guard let prompt = record["Prompt"] as? String ?? record["prompt"] as? String else { continue }
            table.samples += 1
            progress?(id)
            let requirement = "Complete this code; keep its imports, names and signatures:\n\n```python\n\(prompt)\n```"
            let result: CodeGenerator.Result
            do {
                result = try generator.run(requirement: requirement, filename: id.replacingOccurrences(of: "/", with: "_") + (id.hasSuffix(".py") ? "" : ".py"),
                                           llm: llm, engine: engine)
            } catch {
                table.failures.append("\(id): \(error)")
                continue
            }
            table.generated += 1
            if vulnerable(result.initial, id) { table.vulnerableBefore += 1 }
            if vulnerable(result.code, id) { table.vulnerableAfter += 1 }
            if result.staticFixes { table.staticFixes += 1 }
            if result.crashFixes { table.crashFixes += 1 }
            if humanEval, let test = record["test"] as? String, let entry = record["entry_point"] as? String {
                if passes(result.initial, test: test, entry: entry, python: python) { table.passedBefore += 1 }
                if passes(result.code, test: test, entry: entry, python: python) { table.passedAfter += 1 }
            }
        }
        return table
    }

    /// Pass@1 of the canonical solutions before and after the built-in agent, running each
    /// problem's own `check` with python3 (10 s per problem, in a scratch directory).
    public static func humanEval(_ records: [[String: Any]], agent: BuiltinAgent, python: String = "python3") -> HumanEvalTable {
        var table = HumanEvalTable()
        for record in records {
            guard let id = record["task_id"] as? String, let prompt = record["prompt"] as? String,
                  let solution = record["canonical_solution"] as? String, let test = record["test"] as? String,
                  let entry = record["entry_point"] as? String else { continue }
            table.problems += 1
            let source = Array((prompt + solution).utf8)
            if let parsed = try? PythonSyntax.parse(source, filename: id) {
                table.findingsBefore += agent.engine.analyze(parsed, file: id).filter { !$0.suppressed && $0.severity >= .medium }.count
            }
            let result = agent.fix(path: id, source: source, targets: nil)
            if passes(String(decoding: source, as: UTF8.self), test: test, entry: entry, python: python) { table.passedBefore += 1 }
            if let fixed = result.fixed {
                table.changed += 1
                if passes(String(decoding: fixed, as: UTF8.self), test: test, entry: entry, python: python) { table.passedAfter += 1 }
            } else if passes(String(decoding: source, as: UTF8.self), test: test, entry: entry, python: python) {
                table.passedAfter += 1
            }
        }
        return table
    }

    static func passes(_ code: String, test: String, entry: String, python: String) -> Bool {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("asc-eval-\(UUID().uuidString)")
        guard (try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)) != nil else { return false }
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("problem.py")
        guard (try? (code + "\n\n" + test + "\n\ncheck(\(entry))\n").write(to: file, atomically: true, encoding: .utf8)) != nil else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, file.path]
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        guard (try? process.run()) != nil else { return false }
        if done.wait(timeout: .now() + 10) == .timedOut {
            kill(-process.processIdentifier, SIGKILL)
            kill(process.processIdentifier, SIGKILL)
            done.wait()
            return false
        }
        return process.terminationStatus == 0
    }
}
