import Testing

@testable import HallRateCore

/// The chunked validator against a byte-at-a-time reference and the standard library's decoder, on
/// random byte strings (mostly UTF-8, with planted defects) fed in random chunk splits.
@Suite struct UTF8ValidatorTests {
    typealias SplitMix = SplitMix64

    /// The straightforward validator: one byte at a time, the whole stream at once. Returns the offset
    /// where the first bad character starts, -1 when the stream ends inside a character, or nil.
    static func reference(_ bytes: [UInt8]) -> Int? {
        var i = 0
        while i < bytes.count {
            let lead = bytes[i]
            var need = 0
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0x00...0x7F: need = 0
            case 0xC2...0xDF: need = 1
            case 0xE0:
                need = 2
                low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED:
                need = 2
                high = 0x9F
            case 0xF0:
                need = 3
                low = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4:
                need = 3
                high = 0x8F
            default: return i
            }
            for k in 1...max(need, 1) where need > 0 {
                guard i + k < bytes.count else { return -1 }
                let byte = bytes[i + k]
                let (lo, hi) = k == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
                guard byte >= lo, byte <= hi else { return i }
            }
            i += need + 1
        }
        return nil
    }

    /// Whether the standard library's UTF-8 decoder accepts `bytes`.
    static func decoderAccepts(_ bytes: [UInt8]) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = Unicode.UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    /// Validates `bytes` cut at `cuts`; the offset of the first error, -1 for a stream that ends inside
    /// a character, or nil.
    static func chunked(_ bytes: [UInt8], cuts: [Int]) -> Int? {
        var validator = UTF8Validator()
        var start = 0
        for end in cuts + [bytes.count] {
            let bad = bytes[start..<end].withUnsafeBytes { validator.validate($0) }
            if let bad { return bad }
            start = end
        }
        return validator.isComplete ? nil : -1
    }

    static func randomText(_ rng: inout SplitMix) -> [UInt8] {
        var bytes: [UInt8] = []
        let pieces = Int.random(in: 0...60, using: &rng)
        let samples: [String] = [
            "a", "受理大厅", "办结", "é", "€", "😀", "\u{10FFFF}", "\u{FFFF}", "\u{800}", "\u{D7FF}", "\u{E000}", "0123456789",
        ]
        let edges: [[UInt8]] = [
            [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF],
            [0xF0, 0x80, 0x80, 0x80], [0xF0, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80],
            [0xFF], [0x80], [0xBF], [0xE5], [0xE5, 0x8A], [0xF0, 0x9F], [0xF0, 0x9F, 0x98], [0xC3], [0xEF, 0xBC, 0x41],
        ]
        for _ in 0..<pieces {
            switch Int.random(in: 0..<20, using: &rng) {
            case 0: bytes += edges.randomElement(using: &rng)!
            case 1: bytes.append(UInt8.random(in: 0...255, using: &rng))
            case 2...4:
                let scalar = Unicode.Scalar(UInt32.random(in: 0x80...0x10FFFF, using: &rng)) ?? "x"
                bytes += Array(String(scalar).utf8)
            default: bytes += Array(samples.randomElement(using: &rng)!.utf8)
            }
        }
        return bytes
    }

    @Test func agreesWithTheReferenceOnRandomChunkSplits() {
        var rng = SplitMix(state: 20_181_008)
        var invalid = 0
        for _ in 0..<20_000 {
            // Three strings in four are made valid; the others keep their planted defects.
            var bytes = UTF8ValidatorTests.randomText(&rng)
            if Int.random(in: 0..<4, using: &rng) != 0 {
                bytes = Array(String(decoding: bytes, as: UTF8.self).utf8)
            }
            let expected = UTF8ValidatorTests.reference(bytes)
            #expect((expected == nil) == UTF8ValidatorTests.decoderAccepts(bytes), "\(bytes)")
            if expected != nil { invalid += 1 }
            let cutCount = Int.random(in: 0...6, using: &rng)
            let cuts = (0..<cutCount).map { _ in Int.random(in: 0...bytes.count, using: &rng) }.sorted()
            let found = UTF8ValidatorTests.chunked(bytes, cuts: cuts)
            #expect(found == expected, "\(bytes) cut at \(cuts)")
        }
        #expect(invalid > 1000)
    }

    @Test func everyByteCutOfChineseText() {
        let text = Array("受理大厅编码,申报渠道,办结😀é\n".utf8)
        for cut in 0...text.count {
            #expect(UTF8ValidatorTests.chunked(text, cuts: [cut]) == nil)
        }
        var bad = text
        bad[4] = 0x41  // the second byte of 理
        for cut in 0...bad.count {
            #expect(UTF8ValidatorTests.chunked(bad, cuts: [cut]) == 3)
        }
    }
}
