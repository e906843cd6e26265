import Testing

@testable import HallRateCore

/// The ids the store keeps for the exception lists: read back as written, keyed as the rows are, ID-like
/// runs masked, and a damaged blob read up to its damage without a crash.
@Suite struct TransactionIDBlobTests {
    private func entries(_ blob: [UInt8]) -> [(UInt64, String)] {
        var found: [(UInt64, String)] = []
        blob.withUnsafeBytes { bytes in
            TransactionIDBlob.forEach(in: bytes) { key, id in found.append((key, String(decoding: id, as: UTF8.self))) }
        }
        return found
    }

    private func append(_ id: String, to blob: inout [UInt8]) {
        let key = TransactionKey(id).rawValue
        var id = id
        id.withUTF8 { TransactionIDBlob.append(key: key, id: $0, to: &blob) }
    }

    @Test func idsComeBackWithTheKeysOfTheirRows() {
        var blob: [UInt8] = []
        let ids = ["QXG20191101000001", "", "办件-7", String(repeating: "x", count: 300)]  // 300: a two-byte length
        for id in ids { append(id, to: &blob) }
        #expect(entries(blob).map(\.1) == ids)
        #expect(entries(blob).map(\.0) == ids.map { TransactionKey($0).rawValue })
    }

    @Test func anIDNumberInsideAnIDIsMasked() {
        func masked(_ id: String) -> String? {
            var id = id
            return id.withUTF8 { IDMasker.masked($0) }.map { String(decoding: $0, as: UTF8.self) }
        }
        #expect(masked("BJ520502198803150012/1") == "BJ520502********0012/1")
        #expect(masked("2019110100000000012") == "201911*********0012")  // 19 digits: masked, erring on the side of privacy
        #expect(masked("1234567890123456") == nil)  // 16 digits: nothing to mask
        #expect(masked("12345678901234567") == nil)  // 17 digits, no X: not an ID number
    }

    @Test func aDamagedBlobIsReadUpToItsDamage() {
        var blob: [UInt8] = []
        append("A1", to: &blob)
        append("A2", to: &blob)
        #expect(entries(Array(blob.dropLast())).map(\.1) == ["A1"])
        #expect(entries(Array(blob.prefix(5))).isEmpty)
        #expect(entries(blob.prefix(8) + [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F]).isEmpty)
    }
}
