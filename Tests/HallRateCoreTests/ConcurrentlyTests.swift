import Foundation
import Testing

@testable import HallRateCore

/// ``Concurrently`` against doing the same one after the other: the results in the elements' order,
/// every part run once, the first error in the elements' order whichever part fails first in time.
@Suite struct ConcurrentlyTests {
    @Test(arguments: [0, 1, 2, 3, 17])
    func mapGivesWhatASequentialMapGives(count: Int) {
        let elements = (0..<count).map { "part \($0)" }
        let runs = Runs()
        let results = Concurrently.map(elements) { element in
            runs.count()
            return element.uppercased() + " " + String(element.count)
        }
        #expect(results == elements.map { $0.uppercased() + " " + String($0.count) })
        #expect(runs.total == count)
    }

    @Test func theFirstErrorInOrderIsThrownEvenWhenALaterPartFailsSooner() {
        // Part 1 fails at once; part 0 fails after a while: part 0's error is the one reported.
        do throws(HallRateError) {
            _ = try Concurrently.map([0, 1, 2]) { (part: Int) throws(HallRateError) -> Int in
                if part == 0 {
                    usleep(50_000)
                    throw HallRateError(.output, "part 0")
                }
                if part == 1 { throw HallRateError(.output, "part 1") }
                return part
            }
            Issue.record("no error was thrown")
        } catch {
            #expect(error.description.contains("part 0"), "\(error)")
        }
    }

    @Test func bothRunsTwoKindsOfWorkAndKeepsTheirResults() throws {
        let (number, text) = try Concurrently.both({ () throws(HallRateError) in 6 * 7 }, { () throws(HallRateError) in "forty-two" })
        #expect(number == 42)
        #expect(text == "forty-two")
        #expect(throws: HallRateError.self) {
            _ = try Concurrently.both(
                { () throws(HallRateError) in 1 }, { () throws(HallRateError) -> Int in throw HallRateError(.output, "second") })
        }
    }

    /// How many parts ran, counted from their threads.
    private final class Runs: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0

        func count() {
            lock.lock()
            value += 1
            lock.unlock()
        }

        var total: Int {
            lock.lock()
            defer { lock.unlock() }
            return value
        }
    }
}
