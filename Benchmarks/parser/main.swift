// Driver for the PythonSyntax module: dump, differential batch mode, benchmark, fuzzing.
// Package.swift target: .executableTarget(name: "parser-bench", dependencies: ["PythonSyntax"], path: "Benchmarks/parser")
import CMimalloc
import Foundation

// mimalloc is the allocator, as in the tool; keep the library linked.
let allocatorVersion = mi_version()
import PythonSyntax

nonisolated(unsafe) var crashBuf = UnsafeMutablePointer<UInt8>.allocate(capacity: 1 << 22)
nonisolated(unsafe) var crashLen = 0

func readFile(_ path: String) -> [UInt8]? {
    guard let d = FileManager.default.contents(atPath: path) else { return nil }
    return [UInt8](d)
}

func fnv(_ s: String) -> UInt64 {
    var h: UInt64 = 0xcbf29ce484222325
    for c in s.utf8 { h ^= UInt64(c); h = h &* 0x100000001b3 }
    return h
}

func usage() -> Never {
    print("""
    usage: parser-bench dump FILE [--no-attrs]
           parser-bench batch LISTFILE [--no-attrs]      # path\\tOK\\thash | path\\tERR\\tline\\tmsg
           parser-bench bench LISTFILE [--threads N] [--repeat R]
           parser-bench fuzz LISTFILE COUNT [SEED]
           parser-bench walk LISTFILE                    # CPU time of walking the trees, two ways
    """)
    exit(2)
}

let argv = CommandLine.arguments
guard argv.count >= 3 else { usage() }
let noAttrs = argv.contains("--no-attrs")
func optInt(_ name: String, _ def: Int) -> Int {
    if let i = argv.firstIndex(of: name), i + 1 < argv.count, let v = Int(argv[i + 1]) { return v }
    return def
}

func listFiles(_ path: String) -> [String] {
    var isDir: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
        var out: [String] = []
        if let en = FileManager.default.enumerator(atPath: path) {
            for case let f as String in en where f.hasSuffix(".py") { out.append(path + "/" + f) }
        }
        return out.sorted()
    }
    guard let d = readFile(path) else { return [] }
    return String(decoding: d, as: UTF8.self).split(separator: "\n").map(String.init)
}

switch argv[1] {
case "dump":
    guard let bytes = readFile(argv[2]) else { print("cannot read"); exit(1) }
    do {
        let s = try dumpAST(bytes: bytes, filename: argv[2], includeAttributes: !noAttrs)
        print(s)
    } catch {
        print("ERROR \(error.kind.rawValue) line \(error.line): \(error.message)")
        exit(1)
    }
case "batch":
    var out = ""
    for path in listFiles(argv[2]) {
        guard let bytes = readFile(path) else { out += "\(path)\tERR\t0\tunreadable\n"; continue }
        do {
            let s = try dumpAST(bytes: bytes, filename: path, includeAttributes: !noAttrs)
            out += "\(path)\tOK\t\(String(fnv(s), radix: 16))\n"
        } catch {
            out += "\(path)\tERR\t\(error.line)\t\(error.message.replacingOccurrences(of: "\n", with: " "))\n"
        }
        if out.utf8.count > 1 << 16 { FileHandle.standardOutput.write(out.data(using: .utf8)!); out = "" }
    }
    FileHandle.standardOutput.write(out.data(using: .utf8)!)
case "bench":
    let files = listFiles(argv[2])
    let datas = files.compactMap(readFile)
    let total = datas.reduce(0) { $0 + $1.count }
    let threads = optInt("--threads", 1)
    let rep = optInt("--repeat", 1)
    // CPU time besides wall time: on a shared machine, the time the process actually ran is
    // the fairer measure of throughput per core (wall time also counts waiting for a core).
    func cpuSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
    let t0 = Date()
    let cpu0 = cpuSeconds()
    final class Counter: @unchecked Sendable { var ok = 0; var err = 0; let lock = NSLock() }
    let counter = Counter()
    for _ in 0..<rep {
        if threads <= 1 {
            for d in datas {
                if (try? parseModule(bytes: d)) != nil { counter.ok += 1 } else { counter.err += 1 }
            }
        } else {
            DispatchQueue.concurrentPerform(iterations: threads) { t in
                var ok = 0, err = 0
                var i = t
                while i < datas.count {
                    if (try? parseModule(bytes: datas[i])) != nil { ok += 1 } else { err += 1 }
                    i += threads
                }
                counter.lock.lock(); counter.ok += ok; counter.err += err; counter.lock.unlock()
            }
        }
    }
    let dt = Date().timeIntervalSince(t0)
    let cpu = cpuSeconds() - cpu0
    let mb = Double(total * rep) / 1e6
    print(String(format: "files=%d bytes=%d threads=%d time=%.3fs cpu=%.3fs files/s=%.0f MB/s=%.2f ok=%d err=%d",
                 datas.count * rep, total * rep, threads, dt, cpu, Double(datas.count * rep) / dt, mb / dt, counter.ok, counter.err))
case "fuzz":
    guard argv.count >= 4, let count = Int(argv[3]) else { usage() }
    installCrashHandler()
    var seed: UInt64 = argv.count >= 5 ? UInt64(argv[4]) ?? 1 : 1
    func rnd() -> UInt64 { seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17; return seed }
    let corpus = listFiles(argv[2]).compactMap(readFile).filter { !$0.isEmpty }
    let snippets: [[UInt8]] = ["(", ")", "[", "]", "{", "}", "'", "\"", "\"\"\"", "f'{", "}", "\\", "\n", "\r", "\t", "\0", " ", ":", "\n    ", "lambda", "match x:\n case ", "\u{FEFF}", "\u{00E9}", "0x", "1e", "j", "#", "@", "*", "**", ",", "=", ":=", "async ", "await ", "yield", "f\"{x!r:{y}}\"", "\\N{", "\u{10FFFF}"].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xED, 0xA0, 0x80]]
    var ok = 0, err = 0
    let t0 = Date()
    for i in 0..<count {
        var d = corpus[Int(rnd() % UInt64(corpus.count))]
        // work on a window to keep inputs small and the loop fast
        if d.count > 16384 {
            // keep a window starting at a line boundary so that the parser gets deep into the input
            var s = Int(rnd() % UInt64(d.count - 8192))
            while s > 0 && d[s - 1] != 10 { s -= 1 }
            d = Array(d[s..<min(d.count, s + 4096 + Int(rnd() % 12288))])
        }
        let nmut = 1 + Int(rnd() % 3)
        for _ in 0..<nmut {
            switch rnd() % 7 {
            case 0: if !d.isEmpty { d[Int(rnd() % UInt64(d.count))] ^= UInt8(1 << (rnd() % 8)) }
            case 1: if !d.isEmpty { d.removeLast(Int(rnd() % UInt64(d.count))) }
            case 2: let sn = snippets[Int(rnd() % UInt64(snippets.count))]; d.insert(contentsOf: sn, at: Int(rnd() % UInt64(d.count + 1)))
            case 3:
                let o = corpus[Int(rnd() % UInt64(corpus.count))]
                let a = Int(rnd() % UInt64(o.count)); let l = min(o.count - a, Int(rnd() % 200))
                d.insert(contentsOf: o[a..<(a + l)], at: Int(rnd() % UInt64(d.count + 1)))
            case 4: if d.count > 2 { let a = Int(rnd() % UInt64(d.count)); let l = min(d.count - a, Int(rnd() % 64)); d.removeSubrange(a..<(a + l)) }
            case 5: let c = [UInt8]("([{".utf8)[Int(rnd() % 3)]; d.insert(contentsOf: [UInt8](repeating: c, count: Int(rnd() % 300)), at: Int(rnd() % UInt64(d.count + 1)))
            default: if !d.isEmpty { d[Int(rnd() % UInt64(d.count))] = UInt8(rnd() % 256) }
            }
        }
        setCurrentInput(d)
        if let m = try? parseModule(bytes: d) { ok += 1; _ = dumpAST(m.module) } else { err += 1 }
        if i % 100_000 == 0 && i > 0 {
            FileHandle.standardError.write("fuzz \(i) ok=\(ok) err=\(err) \(String(format: "%.1f", Date().timeIntervalSince(t0)))s\n".data(using: .utf8) ?? Data())
        }
    }
    print("fuzz done: \(count) inputs ok=\(ok) err=\(err) time=\(String(format: "%.1f", Date().timeIntervalSince(t0)))s")
case "walk":
    // The cost of walking parsed trees (names left out, as the analyzer does): `Module.walk`'s
    // stack of `Node`s against recursion over borrowed statements and expressions (as the
    // analyzer's `FileWalk`), single-threaded, three times.
    let modules = listFiles(argv[2]).compactMap(readFile).compactMap { try? parseModule(bytes: $0).module }
    func cpu() -> Double { var t = timespec(); clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t); return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9 }
    struct Walker {
        var count = 0, calls = 0
        mutating func walk(_ s: Stmt) { count += 1; s.forEachChild(statement: { walk($0) }, expression: { walk($0) }, other: { walk(other: $0) }) }
        mutating func walk(_ e: Expr) {
            if case .name = e.kind { return }
            count += 1
            if case .call = e.kind { calls += 1 }
            e.forEachChild(statement: { walk($0) }, expression: { walk($0) }, other: { walk(other: $0) })
        }
        mutating func walk(other n: Node) { count += 1; n.forEachChild(statement: { walk($0) }, expression: { walk($0) }, other: { walk(other: $0) }) }
    }
    for _ in 0..<3 {
        var t = cpu(); var count = 0, calls = 0
        for m in modules { m.walk { n in if n.isName { return false }; count += 1; if case .expr(let e) = n, case .call = e.kind { calls += 1 }; return true } }
        print(String(format: "Module.walk  %.3fs nodes=%d calls=%d", cpu() - t, count, calls))
        t = cpu()
        var w = Walker()
        for m in modules { for s in m.body { w.walk(s) } }
        print(String(format: "typed recursion %.3fs nodes=%d calls=%d", cpu() - t, w.count, w.calls))
    }
case "stacktest":
    // Parses pathological inputs on a thread with a small stack (argv[2] KB) to check recursion limits.
    let kb = Int(argv[2]) ?? 512
    var inputs: [(String, [UInt8])] = []
    func add(_ name: String, _ s: String) { inputs.append((name, Array(s.utf8))) }
    add("199 parens", String(repeating: "(", count: 199) + "1" + String(repeating: ")", count: 199))
    add("10000 parens", String(repeating: "(", count: 10000) + "1" + String(repeating: ")", count: 10000))
    add("199 lists", String(repeating: "[", count: 199) + String(repeating: "]", count: 199))
    add("199 calls", String(repeating: "f(", count: 199) + String(repeating: ")", count: 199))
    add("199 dict", String(repeating: "{1:", count: 199) + "1" + String(repeating: "}", count: 199))
    add("100000 plus", Array(repeating: "1", count: 100000).joined(separator: "+"))
    add("2000 plus", Array(repeating: "1", count: 2000).joined(separator: "+"))
    add("100000 minus", String(repeating: "-", count: 100000) + "1")
    add("100000 not", String(repeating: "not ", count: 100000) + "1")
    add("100000 await", String(repeating: "await ", count: 100000) + "1")
    add("100000 lambda", String(repeating: "lambda: ", count: 100000) + "1")
    add("100000 ifexp", String(repeating: "1 if 1 else ", count: 100000) + "1")
    add("100000 attr", "a" + String(repeating: ".b", count: 100000))
    add("100000 call", "f" + String(repeating: "()", count: 100000))
    add("100000 pow", Array(repeating: "2", count: 100000).joined(separator: "**"))
    add("100000 star", "*" + String(repeating: "*", count: 100000) + "a = 1")
    add("100000 assign", Array(repeating: "a", count: 100000).joined(separator: " = "))
    add("100000 cmp", Array(repeating: "a", count: 100000).joined(separator: " < "))
    add("100000 and", Array(repeating: "a", count: 100000).joined(separator: " and "))
    add("100000 tuple", Array(repeating: "a", count: 100000).joined(separator: ", "))
    add("1000 indent", (0..<1000).map { String(repeating: " ", count: $0) + "if 1:\n" }.joined() + String(repeating: " ", count: 1000) + "pass\n")
    add("50 fstring nest", String(repeating: "f'{", count: 50) + "1" + String(repeating: "}'", count: 50))
    add("match nest", "match x:\n case " + String(repeating: "[", count: 199) + String(repeating: "]", count: 199) + ": pass\n")
    add("case or", "match x:\n case " + Array(repeating: "1", count: 100000).joined(separator: " | ") + ": pass\n")
    final class Box: @unchecked Sendable { var lines: [String] = []; var inputs: [(String, [UInt8])] = [] }
    let box = Box()
    box.inputs = inputs
    let done = DispatchSemaphore(value: 0)
    let th = Thread {
        defer { done.signal() }
        for (name, d) in box.inputs {

            do throws(SyntaxError) {
                let m = try parseModule(bytes: d)
                let s = dumpAST(m.module)
                var n = 0
                m.module.walk { _ in n += 1; return true }
                box.lines.append("\(name): ok (dump \(s.utf8.count) bytes, \(n) nodes)")
            } catch {
                box.lines.append("\(name): \(error.kind.rawValue) line \(error.line): \(error.message)")
            }
        }
    }
    th.stackSize = kb * 1024
    th.start()
    done.wait()
    // a tree parsed on the (8 MB) main thread, dumped and freed on a small-stack thread
    final class TreeBox: @unchecked Sendable { var m: Module?; var out = "" }
    let tb = TreeBox()
    tb.m = try? parseModule(bytes: Array(Array(repeating: "1", count: 2800).joined(separator: "+").utf8)).module
    let th2 = Thread {
        if let m = tb.m { tb.out = "deep tree from main thread: dump \(dumpAST(m).utf8.count) bytes" }
        tb.m = nil   // deinit on the small stack
        done.signal()
    }
    th2.stackSize = kb * 1024
    th2.start()
    done.wait()
    box.lines.append(tb.out + ", freed")
    for l in box.lines { print(l) }
default:
    usage()
}

// MARK: crash capture for the fuzzer: the current input is kept in a C buffer and written to
// /tmp/parser-fuzz-crash.bin from a signal handler running on an alternate stack.
func setCurrentInput(_ d: [UInt8]) {
    let n = min(d.count, 1 << 22)
    if n > 0 { d.withUnsafeBufferPointer { if let b = $0.baseAddress { crashBuf.update(from: b, count: n) } } }
    crashLen = n
}
func installCrashHandler() {
    let stackSize = 1 << 16
    var ss = stack_t()
    ss.ss_sp = UnsafeMutableRawPointer.allocate(byteCount: stackSize, alignment: 16)
    ss.ss_size = stackSize
    ss.ss_flags = 0
    sigaltstack(&ss, nil)
    var sa = sigaction()
    sa.sa_flags = Int32(truncatingIfNeeded: Int(SA_ONSTACK) | Int(SA_RESETHAND))
    sa.__sigaction_handler.sa_handler = { sig in
        let fd = open("/tmp/parser-fuzz-crash.bin", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if fd >= 0 { _ = write(fd, crashBuf, crashLen); close(fd) }
        let msg = "fuzz: CRASH (signal), input saved to /tmp/parser-fuzz-crash.bin\n"
        _ = msg.withCString { write(2, $0, strlen($0)) }
        raise(sig)
    }
    for s in [SIGSEGV, SIGILL, SIGTRAP, SIGBUS, SIGABRT, SIGFPE] { sigaction(s, &sa, nil) }
}
