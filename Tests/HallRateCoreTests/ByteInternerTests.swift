import Testing

@testable import HallRateCore

/// ``ByteInterner`` against a dictionary of strings: the same numbers, in order of first sight, through
/// many growths of its table and with empty, short and long values.
@Suite struct ByteInternerTests {
    @Test(arguments: [1, 2, 3] as [UInt64])
    func numbersValuesAsADictionaryWould(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var interner = ByteInterner()
        var oracle: [String: Int] = [:]
        for _ in 0..<20_000 {
            let length = Int(random.next() % 24)
            let text = String((0..<length).map { _ in random.pick(Array("ab事项0123456789")) })
            let expected = oracle[text] ?? oracle.count
            oracle[text] = expected
            var bytes = text
            let index = bytes.withUTF8 { interner.index(of: $0) }
            #expect(index == expected)
        }
        #expect(interner.count == oracle.count && oracle.count > 1000)
        for (text, index) in oracle { #expect(interner.string(at: index) == text) }
        #expect(interner.strings.count == oracle.count)
    }
}
