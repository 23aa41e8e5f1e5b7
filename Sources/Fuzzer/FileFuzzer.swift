import Foundation
import PythonSyntax

/// Fuzzes the targets of one file with one worker (restarted when a call kills it).
struct FileFuzzer {
    let request: FuzzRequest
    let targets: [FuzzTarget]
    let options: FuzzOptions
    let python: String
    let sandbox: Sandbox
    let campaignStart: Date
    let payloads: Payloads
    var worker: WorkerProcess?
    /// Our own numbering of covered (file, line) pairs, stable across worker restarts.
    var fileIDs: [String: Int] = [:]
    var workerFiles: [Int: Int] = [:]

    init(request: FuzzRequest, targets: [FuzzTarget], options: FuzzOptions, python: String, sandbox: Sandbox, campaignStart: Date) {
        self.request = request
        self.targets = targets
        self.options = options
        self.python = python
        self.sandbox = sandbox
        self.campaignStart = campaignStart
        payloads = Payloads(seed: options.seed)
    }

    var config: WorkerConfig {
        WorkerConfig(python: python, sandbox: sandbox, file: request.path, searchPath: request.searchPath, roots: options.roots, targets: targets.map(\.name),
                     marker: payloads.marker, memoryLimitMB: options.memoryLimitMB, callTimeout: options.callTimeout,
                     cpuSeconds: Int(options.totalSeconds + options.perFunctionSeconds * Double(targets.count)) + 60)
    }

    mutating func startWorker() throws(FuzzError) -> WorkerProcess {
        if let worker { return worker }
        let started = try WorkerProcess(config: config)
        workerFiles = [:]
        noteFiles(started.hello)
        worker = started
        return started
    }

    func skip(_ target: FuzzTarget, _ reason: String, into report: inout FuzzReport) {
        report.targets.append(TargetReport(file: request.displayPath, function: target.name, line: target.line, status: .skipped,
                                           reason: reason, executions: 0, linesCovered: 0, seconds: 0))
    }

    mutating func run(into report: inout FuzzReport) throws(FuzzError) {
        let first = try startWorker()
        report.python = first.hello["python"]?.string
        if let importError = first.hello["import_error"]?.string {
            for target in targets { skip(target, importError, into: &report) }
            stopWorker()
            return
        }
        let classNames = (first.hello["refs"]?.array ?? []).compactMap(\.string).map { String($0.split(separator: ".").last ?? "") }
        let described = Dictionary((first.hello["targets"]?.array ?? []).compactMap { t in t["name"]?.string.map { ($0, t) } }, uniquingKeysWith: { a, _ in a })
        for target in targets {
            let spent = Date().timeIntervalSince(campaignStart)
            guard spent < options.totalSeconds else {
                skip(target, "the total fuzzing budget (\(Int(options.totalSeconds)) s) was spent", into: &report)
                continue
            }
            guard let description = described[target.name], description["status"]?.string == "ok" else {
                skip(target, described[target.name]?["reason"]?.string ?? "the worker did not describe it", into: &report)
                continue
            }
            let parameters = Self.parameters(description, target: target, classNames: classNames)
            if let missing = parameters.first(where: { !$0.type.isBuildable && !$0.hasDefault && ($0.kind == .positional || $0.kind == .keyword) }) {
                skip(target, "parameter `\(missing.name)` needs a \(missing.type) the fuzzer cannot build", into: &report)
                continue
            }
            let budget = min(options.perFunctionSeconds, options.totalSeconds - spent)
            fuzz(target, parameters: parameters, budget: budget, into: &report)
        }
        stopWorker()
    }

    mutating func stopWorker() {
        worker?.stop()
        worker = nil
    }

    /// Parameters from the worker's description (resolved annotations, defaults) and, where
    /// there is no annotation, the type inferred from the body.
    static func parameters(_ description: JSONValue, target: FuzzTarget, classNames: [String]) -> [ParameterSpec] {
        (description["params"]?.array ?? []).compactMap { p in
            guard let name = p["name"]?.string else { return nil }
            let kind: ParameterSpec.Kind
            switch p["kind"]?.string ?? "" {
            case "var_positional": kind = .variadic
            case "var_keyword": kind = .variadicKeyword
            case "keyword_only": kind = .keyword
            default: kind = .positional
            }
            let annotated = p["type"].map { PyType.from($0) }
            var type = annotated ?? (target.inferred[name] ?? .any).guessingUnknowns
            type = type.renamingClasses(classNames)
            let guessed = type.containsGuess
            let defaultValue = p["default"].flatMap { ValueEncoding.decode($0, classNames: classNames) }
            return ParameterSpec(name: name, kind: kind, type: type, defaultValue: defaultValue,
                                 hasDefault: defaultValue != nil || p["has_default"]?.bool == true, guessed: guessed)
        }
    }

    // MARK: one target

    mutating func fuzz(_ target: FuzzTarget, parameters: [ParameterSpec], budget: Double, into report: inout FuzzReport) {
        let start = Date()
        let deadline = start.addingTimeInterval(max(0.05, budget))
        var generator = InputGenerator(seed: options.seed &+ UInt64(truncatingIfNeeded: target.name.hashValueStable), parameters: parameters,
                                       constants: target.constants, payloads: payloads)
        let triage = Triage(roots: options.roots, expected: Set(options.expectedExceptions).union(target.documentedExceptions),
                            guessedTypes: parameters.contains { $0.guessed && ($0.kind == .positional || $0.kind == .keyword) })
        var queue = target.doctests + proposedSeeds(for: target) + generator.seeds()
        var corpus: [FuzzInput] = []
        var covered = Set<Int>()
        var executions = 0
        // Batch sizes follow a fixed schedule (not the clock) so that a seed always yields the
        // same inputs in the same order; the worker cuts the last batch at the deadline.
        var batchSize = 16
        var signatures = Set<String>()
        var found: [FuzzFinding] = []
        var deaths = 0
        var samples: [FuzzInput] = []
        var sampleSeen = Set<FuzzInput>()
        // Timeouts wait for a check with smaller magnitudes before they count as hangs.
        var hangCandidates: [(kind: Triage.Kind, input: FuzzInput)] = []
        var slowOnly = 0
        // Once huge magnitudes proved only slow, inputs are capped: the budget goes to inputs
        // that can show a real bug instead of to timeouts.
        var capMagnitudes = false
        fuzzing: while Date() < deadline, executions < options.maxExecutions {
            var batch: [FuzzInput] = []
            let size = min(batchSize, options.maxExecutions - executions)
            while batch.count < size {
                if let next = queue.first {
                    queue.removeFirst()
                    batch.append(capMagnitudes ? Shrinker.scaledDown(next) : next)
                    continue
                }
                if !corpus.isEmpty, generator.rng.chance(80) {
                    // Favour recent discoveries: half the picks come from the newest eighth.
                    let recent = generator.rng.chance(50) ? max(0, corpus.count - max(1, corpus.count / 8)) : 0
                    let parent = corpus[recent + generator.rng.below(corpus.count - recent)]
                    let other = corpus[generator.rng.below(corpus.count)]
                    batch.append(generator.mutate(parent, splice: other))
                } else {
                    batch.append(generator.fresh())
                }
                if capMagnitudes, let last = batch.popLast() { batch.append(Shrinker.scaledDown(last)) }
            }
            let worker: WorkerProcess
            do { worker = try startWorker() } catch {
                report.targets.append(TargetReport(file: request.displayPath, function: target.name, line: target.line, status: .skipped,
                                                   reason: error.description, executions: executions, linesCovered: covered.count, seconds: Date().timeIntervalSince(start)))
                return
            }
            switch worker.run(target: target.name, inputs: batch, budget: deadline.timeIntervalSinceNow, stopOnTimeout: true) {
            case .results(let reply):
                noteFiles(reply)
                let results = reply["results"]?.array ?? []
                for (index, result) in results.enumerated() where index < batch.count {
                    executions += 1
                    let novel = absorbCoverage(result, into: &covered)
                    if novel {
                        corpus.append(batch[index])
                        for value in batch[index].args { generator.learn(value) }
                    }
                    // Samples: every input that found new lines, and one in 64 of the others.
                    if samples.count < options.samplesPerTarget, result["o"]?.string == "ok", result["blk"] == nil, result["sec"] == nil,
                       novel || executions % 64 == 0, sampleSeen.insert(batch[index]).inserted {
                        samples.append(batch[index])
                    }
                    guard case .finding(let kind) = triage.classify(result) else { continue }
                    if kind.kind == .hang { hangCandidates.append((kind, batch[index])); continue }
                    guard signatures.insert(kind.signature).inserted else { continue }
                    found.append(makeFinding(kind, target: target, input: batch[index], after: Date().timeIntervalSince(start)))
                }
                if results.count < batch.count, Date() < deadline {
                    // Stopped at a timeout: the inputs after it run next, in the same order.
                    queue.insert(contentsOf: batch[results.count...], at: 0)
                }
                batchSize = min(256, batchSize * 2)
            case .died(let death, let index):
                stopWorker()
                deaths += 1
                let culprit = index.flatMap { $0 < batch.count ? batch[$0] : nil } ?? batch.first!
                executions += (index ?? 0) + 1
                let kind: Triage.Kind
                switch death {
                case .hang: kind = Triage.Kind(kind: .hang, exception: nil, message: "the call did not return (the worker was killed after the timeout)", cwe: 835, frames: [], signature: "hang")
                case .memory: kind = Triage.Kind(kind: .memory, exception: nil, message: "the worker went over the memory limit (\(options.memoryLimitMB) MiB)", cwe: 400, frames: [], signature: "memory")
                case .exited(let status): kind = Triage.Kind(kind: .crash, exception: nil, message: "the interpreter died: \(status)", cwe: nil, frames: [], signature: "died:\(status)")
                }
                if kind.kind == .hang {
                    hangCandidates.append((kind, culprit))
                } else if signatures.insert(kind.signature).inserted {
                    found.append(makeFinding(kind, target: target, input: culprit, after: Date().timeIntervalSince(start)))
                }
                // Inputs after the culprit never ran: run them again with the next worker.
                if let index, index + 1 < batch.count { queue.insert(contentsOf: batch[(index + 1)...], at: 0) }
                batchSize = 16
                if deaths >= 8 { break fuzzing }
            }
            // A timeout is a hang only if it survives smaller magnitudes (three strikes of slow
            // but finishing calls and we stop asking: the function is just slow on huge input).
            while let candidate = hangCandidates.popLast(), !signatures.contains(candidate.kind.signature), slowOnly < 3 {
                if let confirmed = confirmHang(candidate.input, target: target.name) {
                    signatures.insert(candidate.kind.signature)
                    found.append(makeFinding(candidate.kind, target: target, input: confirmed, after: Date().timeIntervalSince(start)))
                } else {
                    slowOnly += 1
                    capMagnitudes = true
                }
            }
            hangCandidates.removeAll()
            options.progress?("fuzz \(request.displayPath)::\(target.name): \(executions) runs, \(covered.count) lines, \(found.count) found")
        }
        // Minimise what was found (not hangs and memory bugs: each try would cost a timeout).
        for index in found.indices where found[index].kind == .crash || found[index].kind == .security {
            found[index] = minimise(found[index], target: target, triage: triage)
        }
        report.findings += found
        if !samples.isEmpty { report.samples[target.name, default: []] += samples }
        report.targets.append(TargetReport(file: request.displayPath, function: target.name, line: target.line, status: .fuzzed, reason: nil,
                                           executions: executions, linesCovered: covered.count, seconds: Date().timeIntervalSince(start)))
    }

    /// Calls an LLM tester agent proposes (only literal arguments are kept), tried first.
    func proposedSeeds(for target: FuzzTarget) -> [FuzzInput] {
        guard let proposer = options.seedProposer else { return [] }
        let lines = request.source.split(separator: 10, omittingEmptySubsequences: false)
        guard target.line >= 1, target.endLine <= lines.count else { return [] }
        let source = lines[(target.line - 1)..<target.endLine].map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
        let reply = proposer(source, target.name)
        return SeedCalls.inputs(in: reply, function: target.name)
    }

    /// The smaller input that still does not return, or nil when the scaled-down call finishes.
    mutating func confirmHang(_ input: FuzzInput, target: String) -> FuzzInput? {
        let scaled = Shrinker.scaledDown(input)
        guard scaled != input else { return input }
        guard let worker = try? startWorker() else { return input }
        switch worker.run(target: target, inputs: [scaled]) {
        case .results(let reply):
            noteFiles(reply)
            return reply["results"]?.array?.first?["o"]?.string == "timeout" ? scaled : nil
        case .died(let death, _):
            stopWorker()
            return death == .hang ? scaled : nil
        }
    }

    mutating func noteFiles(_ reply: JSONValue) {
        guard let files = reply["files"]?.object else { return }
        for (key, value) in files {
            guard let index = Int(key), let path = value.string else { continue }
            let id = fileIDs[path] ?? fileIDs.count
            fileIDs[path] = id
            workerFiles[index] = id
        }
    }

    /// Adds the lines a result newly covered; true when any was new to this target.
    func absorbCoverage(_ result: JSONValue, into covered: inout Set<Int>) -> Bool {
        guard let lines = result["cov"]?.array else { return false }
        var grew = false
        for pair in lines {
            guard let parts = pair.array, parts.count == 2, let file = parts[0].int, let line = parts[1].int,
                  let id = workerFiles[file] else { continue }
            if covered.insert(id << 32 | line).inserted { grew = true }
        }
        return grew
    }

    func makeFinding(_ kind: Triage.Kind, target: FuzzTarget, input: FuzzInput, after: Double) -> FuzzFinding {
        let ownFile = URL(fileURLWithPath: request.path).resolvingSymlinksInPath().path
        let line = kind.frames.last { URL(fileURLWithPath: $0.file).resolvingSymlinksInPath().path == ownFile }?.line ?? target.line
        let outcome: String
        switch kind.kind {
        case .crash: outcome = kind.exception.map { "raises \($0): \(kind.message.prefix(120))" } ?? kind.message
        case .hang: outcome = "does not return"
        case .memory: outcome = "runs out of memory"
        case .security: outcome = "CWE-\(kind.cwe ?? 0): \(Triage.cweTitle(kind.cwe ?? 0)) (the fuzzer's planted text reached the sink)"
        }
        return FuzzFinding(kind: kind.kind, file: request.displayPath, line: line, function: target.name, exception: kind.exception,
                           message: kind.message, cwe: kind.cwe, input: input, call: PythonLiteral.call(target.name, input),
                           reproducer: Reproducer.script(function: target.name, input: input, modulePath: request.path, outcome: outcome),
                           frames: kind.frames, foundAfter: after, signature: kind.signature)
    }

    /// Greedy minimisation: try batches of smaller variants, keep the smallest that shows the
    /// same signature, until none does (or 20 rounds / 1 s).
    mutating func minimise(_ finding: FuzzFinding, target: FuzzTarget, triage: Triage) -> FuzzFinding {
        var best = finding
        let deadline = Date().addingTimeInterval(1)
        for _ in 0..<20 where Date() < deadline {
            let candidates = Shrinker.candidates(best.input)
            guard !candidates.isEmpty, let worker = try? startWorker() else { break }
            guard case .results(let reply) = worker.run(target: target.name, inputs: candidates) else { stopWorker(); break }
            noteFiles(reply)
            let results = reply["results"]?.array ?? []
            var improved = false
            for (index, result) in results.enumerated() where index < candidates.count {
                if case .finding(let kind) = triage.classify(result), kind.signature == finding.signature {
                    best = makeFinding(kind, target: target, input: candidates[index], after: finding.foundAfter)
                    improved = true
                    break
                }
            }
            if !improved { break }
        }
        return best
    }
}

extension String {
    /// A hash that is the same in every run (Swift's `hashValue` is seeded per process).
    var hashValueStable: Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in utf8 { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: h)
    }
}
