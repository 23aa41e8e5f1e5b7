import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

/// Stack-depth guard: recursion in the parser and dumper checks the remaining stack of the
/// current thread, so deep inputs produce an error instead of overflowing (works for 512 KB
/// secondary threads as well as the 8 MB main thread).
enum StackGuard {
    /// Lowest usable stack address of the current thread (0 when unknown).
    static func stackLow() -> UInt {
        #if canImport(Glibc) || canImport(Musl)
        guard let getattr = getattrNP else { return 0 }
        var attr = pthread_attr_t()
        guard getattr(pthread_self(), &attr) == 0 else { return 0 }
        defer { pthread_attr_destroy(&attr) }
        var addr: UnsafeMutableRawPointer? = nil
        var size = 0
        guard pthread_attr_getstack(&attr, &addr, &size) == 0, let a = addr else { return 0 }
        return UInt(bitPattern: a)
        #elseif canImport(Darwin)
        let t = pthread_self()
        let top = UInt(bitPattern: pthread_get_stackaddr_np(t))
        return top - UInt(pthread_get_stacksize_np(t))
        #else
        return 0
        #endif
    }

    #if canImport(Glibc) || canImport(Musl)
    typealias GetAttrFn = @convention(c) (pthread_t, UnsafeMutablePointer<pthread_attr_t>) -> Int32
    /// `pthread_getattr_np` is a GNU extension the Swift Glibc module does not export.
    static let getattrNP: GetAttrFn? = {
        guard let h = dlopen(nil, RTLD_NOW), let sym = dlsym(h, "pthread_getattr_np") else { return nil }
        return unsafeBitCast(sym, to: GetAttrFn.self)
    }()
    #endif

    @inline(__always) static func sp() -> UInt {
        var x: UInt8 = 0
        return withUnsafeMutablePointer(to: &x) { UInt(bitPattern: $0) }
    }

    /// Per-thread cache of the stack's low bound (pthread_getattr_np reads /proc on the main thread).
    static let key: pthread_key_t = {
        var k = pthread_key_t()
        pthread_key_create(&k, nil)
        return k
    }()

    static func cachedStackLow() -> UInt {
        if let v = pthread_getspecific(key) { return UInt(bitPattern: v) }
        let low = stackLow()
        if low != 0 { pthread_setspecific(key, UnsafeRawPointer(bitPattern: low)) }
        return low
    }

    /// Address below which recursion must stop (keeps `margin` bytes free).
    static func limit(margin: UInt = 96 * 1024) -> UInt {
        let low = cachedStackLow()
        if low == 0 {
            // unknown: assume a 512 KB stack below the current position
            let s = sp()
            return s > 448 * 1024 ? s - 448 * 1024 : 0
        }
        return low + margin
    }
}

/// Runs `body` synchronously on a helper thread with a 64 MB stack.
final class ResultBox<R>: @unchecked Sendable { var value: R?; init() {} }

func onBigStack<R: Sendable>(_ body: @escaping @Sendable () -> R) -> R {
    let box = ResultBox<R>()
    let done = DispatchSemaphore(value: 0)
    let t = Thread {
        box.value = body()
        done.signal()
    }
    t.stackSize = 64 << 20
    t.start()
    done.wait()
    guard let v = box.value else { return body() }
    return v
}
