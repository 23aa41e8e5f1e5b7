import Foundation

/// What one replayed call did, for the differential check.
public enum ReplayOutcome: Sendable, Equatable {
    /// Returned; `repr` of the value with object addresses removed.
    case returned(String)
    /// Raised (qualified type name).
    case raised(String)
    /// Timed out, ran out of memory, was blocked by the sandbox, or killed the worker.
    case other(String)
}

extension FuzzCampaign {
    /// Runs exactly these inputs of one function and reports what each did, with return
    /// values: the differential check's eyes (and the crash-fix loop's re-run of crashing inputs).
    public func replay(_ request: FuzzRequest, function: String, inputs: [FuzzInput]) throws(FuzzError) -> [ReplayOutcome] {
        guard !inputs.isEmpty else { return [] }
        let sandbox: Sandbox
        do { sandbox = try Sandbox.resolve(options.sandbox) } catch { throw FuzzError(error.description, exitStatus: .badInput) }
        guard let (python, _) = Executables.resolvePython(options.python) else {
            throw FuzzError("error: \(options.python) not found on PATH", exitStatus: .badInput)
        }
        let config = WorkerConfig(python: python, sandbox: sandbox, file: request.path, searchPath: request.searchPath, roots: options.roots,
                                  targets: [function], marker: Payloads(seed: options.seed).marker, memoryLimitMB: options.memoryLimitMB,
                                  callTimeout: options.callTimeout, cpuSeconds: Int(Double(inputs.count) * options.callTimeout) + 60)
        var outcomes: [ReplayOutcome] = []
        var pending = inputs[...]
        while !pending.isEmpty {
            let worker = try WorkerProcess(config: config)
            defer { worker.stop() }
            if let reason = worker.hello["import_error"]?.string { throw FuzzError(reason) }
            switch worker.run(target: function, inputs: Array(pending), values: true) {
            case .results(let reply):
                let results = reply["results"]?.array ?? []
                for result in results { outcomes.append(Self.outcome(result)) }
                pending = pending.dropFirst(results.count)
                if results.isEmpty { pending = [] }
            case .died(let death, let index):
                // The results before the culprit died with the worker: run those again.
                let culprit = index ?? 0
                if culprit > 0 { outcomes += try replay(request, function: function, inputs: Array(pending.prefix(culprit))) }
                outcomes.append(.other(describe(death)))
                pending = pending.dropFirst(culprit + 1)
            }
        }
        return outcomes
    }

    private func describe(_ death: WorkerDeath) -> String {
        switch death {
        case .hang: return "hang"
        case .memory: return "memory"
        case .exited(let status): return "died: \(status)"
        }
    }

    static func outcome(_ result: JSONValue) -> ReplayOutcome {
        if result["sec"] != nil { return .other("security") }
        switch result["o"]?.string ?? "" {
        case "ok":
            if result["blk"] != nil { return .other("blocked") }
            return .returned(Self.withoutAddresses(result["r"]?.string ?? ""))
        case "exc": return .raised(result["type"]?.string ?? "Exception")
        case let other: return .other(other)
        }
    }

    /// `<Foo object at 0x7f…>` differs between any two runs; the address is not behaviour.
    static func withoutAddresses(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let range = rest.range(of: " at 0x") {
            out += rest[..<range.lowerBound]
            out += " at 0x…"
            rest = rest[range.upperBound...].drop { $0.isHexDigit }
        }
        return out + rest
    }
}
