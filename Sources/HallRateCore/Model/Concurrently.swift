import Dispatch

/// Independent parts of a run done at the same time, one thread each: the CSV tables next to the
/// month reports, one metric's stages next to another's (issue 15's province, where these took
/// seconds each on one core of two). The parts share nothing they write; what they read (the results
/// of earlier stages) is immutable values, and the store is a serialized GRDB queue.
enum Concurrently {
    /// `body` applied to each element, at the same time; the results in the elements' order.
    /// - Throws: the error of the first element (in their order) whose `body` threw, once all are done.
    static func map<Element, Value, Failure: Error>(
        _ elements: [Element], _ body: (Element) throws(Failure) -> Value
    ) throws(Failure) -> [Value] {
        if elements.count <= 1 { return try elements.map(body) }
        let slots = Slots<Value, Failure>(count: elements.count)
        withoutActuallyEscaping(body) { body in
            let work = Work { index in slots.set(index, Result { () throws(Failure) in try body(elements[index]) }) }
            DispatchQueue.concurrentPerform(iterations: elements.count) { work.body($0) }
        }
        return try slots.values()
    }

    /// Two different kinds of work at the same time; their results.
    /// - Throws: the first part's error when it threw, else the second's, once both are done.
    static func both<A, B, Failure: Error>(
        _ first: () throws(Failure) -> A, _ second: () throws(Failure) -> B
    ) throws(Failure) -> (A, B) {
        var a: Result<A, Failure>?
        var b: Result<B, Failure>?
        withoutActuallyEscaping(first) { first in
            withoutActuallyEscaping(second) { second in
                let work = Work { index in
                    if index == 0 {
                        a = Result { () throws(Failure) in try first() }
                    } else {
                        b = Result { () throws(Failure) in try second() }
                    }
                }
                DispatchQueue.concurrentPerform(iterations: 2) { work.body($0) }
            }
        }
        guard let a, let b else { preconditionFailure("concurrentPerform returned before both parts ran") }
        return (try a.get(), try b.get())
    }

    /// The work of each thread (each index is run by exactly one).
    private final class Work: @unchecked Sendable {
        let body: (Int) -> Void
        init(_ body: @escaping (Int) -> Void) { self.body = body }
    }

    /// One result per element, each written by one thread, read once all are done.
    private final class Slots<Value, Failure: Error>: @unchecked Sendable {
        private let results: UnsafeMutableBufferPointer<Result<Value, Failure>?>

        init(count: Int) {
            results = .allocate(capacity: count)
            results.initialize(repeating: nil)
        }

        deinit {
            results.deinitialize()
            results.deallocate()
        }

        func set(_ index: Int, _ result: Result<Value, Failure>) { results[index] = result }

        func values() throws(Failure) -> [Value] {
            var values: [Value] = []
            values.reserveCapacity(results.count)
            for result in results {
                guard let result else { preconditionFailure("concurrentPerform returned before every part ran") }
                values.append(try result.get())
            }
            return values
        }
    }
}
