import Diagnostics
import Foundation

public struct FuzzError: ToolError {
    public var description: String
    public var exitStatus: ExitStatus
    /// No usable python3 (missing, or older than 3.9): `scan` goes on without its fuzz stage.
    public var pythonUnavailable = false
    public init(_ description: String, exitStatus: ExitStatus = .internalError, pythonUnavailable: Bool = false) {
        self.description = description
        self.exitStatus = exitStatus
        self.pythonUnavailable = pythonUnavailable
    }
}

/// What starts a worker: the interpreter, the sandbox, the module and the limits.
struct WorkerConfig: Sendable {
    var python: String
    var sandbox: Sandbox
    /// The module file to import (absolute) and the project roots whose lines count as coverage.
    var file: String
    var searchPath: [String] = []
    var roots: [String]
    var targets: [String]
    var marker: String
    var memoryLimitMB: Int
    var callTimeout: Double
    var importTimeout: Double = 10
    var cpuSeconds: Int
}

/// Why a batch ended without a `results` line.
enum WorkerDeath: Sendable, Equatable {
    /// A call overran the per-call timeout and the worker did not get out by itself.
    case hang
    /// The worker's resident memory went over the limit.
    case memory
    /// The worker exited or was killed by a signal (status or signal number).
    case exited(String)
}

/// One sandboxed Python worker: spawned, fed batches over a pipe, watched (wall time of the call
/// in flight, resident memory of its process tree) and killed with everything it started.
final class WorkerProcess {
    let config: WorkerConfig
    let workDirectory: String
    private let process = Process()
    private let stdinPipe = Pipe()
    private let stdoutPipe = Pipe()
    private var buffer: [UInt8] = []
    private var inflightFD: Int32 = -1
    private var stopped = false
    private(set) var hello: JSONValue = .null

    /// Spawns the worker and waits for its `ready` line (the module imported, targets described).
    init(config: WorkerConfig) throws(FuzzError) {
        self.config = config
        signal(SIGPIPE, SIG_IGN)
        var template = Array((NSTemporaryDirectory() + "/autosafecoder-fuzz-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw FuzzError("cannot create a temporary directory for the fuzzing worker") }
        workDirectory = URL(fileURLWithPath: String(cString: made)).resolvingSymlinksInPath().path
        let workerPath = workDirectory + "/worker.py"
        do {
            try Data(PackageResources.worker_py).write(to: URL(fileURLWithPath: workerPath))
        } catch {
            removeWorkDirectory()
            throw FuzzError("cannot write the fuzzing worker to \(workDirectory): \(error.localizedDescription)")
        }
        let pythonPrefix = URL(fileURLWithPath: config.python).deletingLastPathComponent().deletingLastPathComponent().path
        let visible = config.roots + config.searchPath + [URL(fileURLWithPath: config.file).deletingLastPathComponent().path, pythonPrefix]
        let (executable, arguments) = config.sandbox.command(python: config.python, worker: workerPath, workDirectory: workDirectory, visible: visible)
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: workDirectory)
        // An empty PATH and a private HOME/TMPDIR: nothing of the user's environment leaks in.
        process.environment = ["PATH": "", "HOME": workDirectory, "TMPDIR": workDirectory, "LANG": "C.UTF-8", "PYTHONHASHSEED": "0"]
        process.standardInput = stdinPipe
        process.standardOutput = stdoutPipe
        process.standardError = FileHandle(forWritingAtPath: "/dev/null") ?? FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            removeWorkDirectory()
            throw FuzzError("cannot start \(executable): \(error.localizedDescription)")
        }
        let limits: String = "{\"memory_mb\":\(config.memoryLimitMB),\"cpu_seconds\":\(config.cpuSeconds),\"file_size_mb\":16,\"open_files\":256,\"processes\":32}"
        func string(_ text: String) -> String {
            var out = ""
            ValueEncoding.writeString(text.unicodeScalars.map(\.value), into: &out)
            return out
        }
        func strings(_ texts: [String]) -> String { "[" + texts.map(string).joined(separator: ",") + "]" }
        let initLine = "{\"op\":\"init\",\"file\":\(string(config.file)),\"tmpdir\":\(string(workDirectory)),"
            + "\"roots\":\(strings(config.roots)),\"search_path\":\(strings(config.searchPath)),\"targets\":\(strings(config.targets)),"
            + "\"marker\":\"\(config.marker)\",\"limits\":\(limits),\"call_timeout_ms\":\(Int(config.callTimeout * 1000)),"
            + "\"import_timeout_ms\":\(Int(config.importTimeout * 1000))}\n"
        guard send(initLine) else {
            let reason = exitDescription()
            stop()
            throw FuzzError("the fuzzing worker (\(config.python)) exited at start: \(reason)")
        }
        switch readLine(deadline: Date().addingTimeInterval(config.importTimeout + 20), watchCalls: false) {
        case .line(let bytes):
            guard let message = try? JSONValue.parse(bytes), message["op"]?.string == "ready" else {
                stop()
                throw FuzzError("the fuzzing worker sent an unreadable greeting")
            }
            hello = message
        case .died(let death):
            stop()
            if case .exited(let status) = death, status == "exit status 3" {
                throw FuzzError("\(config.python) is older than 3.9; the fuzzer needs python3 >= 3.9", exitStatus: .badInput)
            }
            throw FuzzError("the fuzzing worker died while importing \(config.file): \(describe(death))")
        }
        inflightFD = open(workDirectory + "/.inflight", O_RDONLY)
    }

    deinit { stop() }

    enum Reply {
        case line([UInt8])
        case died(WorkerDeath)
    }

    enum BatchResult {
        case results(JSONValue)
        /// The worker died in the middle; `index` is the input in flight, when known.
        case died(WorkerDeath, index: Int?)
    }

    /// Runs a batch. With `budget`, the worker stops starting calls after that many seconds
    /// and returns the results it has (fewer than inputs).
    /// `stopOnTimeout`: the worker returns right after a call times out (the rest is not run).
    func run(target: String, inputs: [FuzzInput], values: Bool = false, budget: Double? = nil, stopOnTimeout: Bool = false) -> BatchResult {
        var line = "{\"op\":\"run\",\"target\":"
        ValueEncoding.writeString(target.unicodeScalars.map(\.value), into: &line)
        if values { line += ",\"values\":true" }
        if stopOnTimeout { line += ",\"stop_on_timeout\":true" }
        if let budget { line += ",\"budget_ms\":\(max(1, Int(budget * 1000)))" }
        line += ",\"inputs\":["
        for (index, input) in inputs.enumerated() {
            if index > 0 { line += "," }
            line += ValueEncoding.json(input)
        }
        line += "]}\n"
        guard send(line) else { return .died(.exited(exitDescription()), index: inflightIndex()) }
        let deadline = Date().addingTimeInterval(min(Double(inputs.count) * (config.callTimeout + 0.05), budget ?? .infinity) + config.callTimeout + 30)
        switch readLine(deadline: deadline, watchCalls: true) {
        case .line(let bytes):
            guard let reply = try? JSONValue.parse(bytes), reply["op"]?.string == "results" else {
                let index = inflightIndex()
                stop()
                return .died(.exited("an unreadable reply"), index: index)
            }
            return .results(reply)
        case .died(let death):
            let index = inflightIndex()
            stop()
            return .died(death, index: index)
        }
    }

    /// Index (0-based) of the input the worker was running, from the file it updates per call.
    private func inflightIndex() -> Int? {
        guard inflightFD >= 0 else { return nil }
        var raw = [UInt8](repeating: 0, count: 8)
        guard pread(inflightFD, &raw, 8, 0) == 8 else { return nil }
        let index = Int(raw[4]) | Int(raw[5]) << 8 | Int(raw[6]) << 16 | Int(raw[7]) << 24
        return index > 0 ? index - 1 : nil
    }

    private func send(_ text: String) -> Bool {
        let fd = stdinPipe.fileHandleForWriting.fileDescriptor
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        bytes.removeAll()
        return true
    }

    private func readLine(deadline: Date, watchCalls: Bool) -> Reply {
        let fd = stdoutPipe.fileHandleForReading.fileDescriptor
        var lastIndex: Int? = nil
        var lastChange = Date()
        var chunk = [UInt8](repeating: 0, count: 65536)
        var ticks = 0
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                return .line(line)
            }
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, 20)
            if ready > 0 {
                let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
                if count > 0 {
                    buffer.append(contentsOf: chunk[..<count])
                    continue
                }
                if count == 0 {  // EOF: the worker is gone (or closed its end: make sure)
                    let until = Date().addingTimeInterval(0.5)
                    while process.isRunning, Date() < until { usleep(5000) }
                    if process.isRunning { kill(-process.processIdentifier, SIGKILL); kill(process.processIdentifier, SIGKILL) }
                    process.waitUntilExit()
                    return .died(.exited(exitDescription()))
                }
                if errno == EINTR { continue }
                return .died(.exited("read failed"))
            }
            let now = Date()
            if now > deadline { return .died(.hang) }
            ticks += 1
            if watchCalls {
                // A per-call alarm cannot interrupt C code (a long regex match, a huge
                // allocation): watch the call in flight from here, and kill on overrun.
                let index = inflightIndex()
                if index != lastIndex { lastIndex = index; lastChange = now }
                if index != nil, now.timeIntervalSince(lastChange) > config.callTimeout + max(1.0, config.callTimeout) {
                    return .died(.hang)
                }
            }
            if ticks % 5 == 0, residentMegabytes() > config.memoryLimitMB + 64 {
                return .died(.memory)
            }
        }
    }

    /// Resident memory of the worker and everything it started, in MiB.
    func residentMegabytes() -> Int {
        var total = 0
        var queue = [process.processIdentifier]
        var seen = Set<Int32>()
        let pageKB = Int(sysconf(Int32(_SC_PAGESIZE))) / 1024
        while let pid = queue.popLast(), seen.insert(pid).inserted, seen.count < 64 {
            if let statm = try? String(contentsOfFile: "/proc/\(pid)/statm", encoding: .utf8) {
                let fields = statm.split(separator: " ")
                if fields.count > 1, let pages = Int(fields[1]) { total += pages * pageKB }
            }
            if let children = try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8) {
                queue += children.split(separator: " ").compactMap { Int32($0) }
            }
        }
        return total / 1024
    }

    private func exitDescription() -> String {
        guard !process.isRunning else { return "still running" }
        switch process.terminationReason {
        case .exit: return "exit status \(process.terminationStatus)"
        case .uncaughtSignal: return "killed by signal \(process.terminationStatus)"
        @unknown default: return "ended"
        }
    }

    func describe(_ death: WorkerDeath) -> String {
        switch death {
        case .hang: return "it stopped answering"
        case .memory: return "it went over the memory limit"
        case .exited(let status): return status
        }
    }

    /// Kills the worker's whole process group (and, under bubblewrap, its pid namespace) and
    /// removes its private directory.
    func stop() {
        guard !stopped else { return }
        stopped = true
        try? stdinPipe.fileHandleForWriting.close()
        if process.isRunning {
            let pid = process.processIdentifier
            kill(-pid, SIGKILL)
            kill(pid, SIGKILL)
            process.waitUntilExit()
        }
        if inflightFD >= 0 { close(inflightFD); inflightFD = -1 }
        try? stdoutPipe.fileHandleForReading.close()
        removeWorkDirectory()
    }

    private func removeWorkDirectory() {
        guard workDirectory.contains("/autosafecoder-fuzz-") else { return }
        try? FileManager.default.removeItem(atPath: workDirectory)
    }
}
