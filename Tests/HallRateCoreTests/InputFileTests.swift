import Testing

@testable import HallRateCore

/// Chunks, sizes and digests of ``InputFile`` (blocks read ahead, hashed on a second thread).
@Suite struct InputFileTests {
    /// Reads the whole file; returns the chunk sizes, the bytes and the digest.
    func readAll(_ path: String, chunkSize: Int) throws -> (chunks: [Int], bytes: [UInt8], digest: String, size: Int) {
        let file = try InputFile(path: path, chunkSize: chunkSize)
        var chunks: [Int] = []
        var bytes: [UInt8] = []
        while try file.nextChunk({ chunk -> Bool in
            chunks.append(chunk.count)
            bytes += chunk
            return !chunk.isEmpty
        }) {}
        return (chunks, bytes, file.digest(), file.size)
    }

    @Test func knownDigests() throws {
        let empty = try readAll(try TestSupport.file([], name: "empty"), chunkSize: 1 << 16)
        #expect(empty.digest == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(empty.chunks == [0])
        let million = try TestSupport.file([UInt8](repeating: 0x61, count: 1_000_000), name: "a")
        for chunkSize in [7, 4096, 1 << 16, 1 << 20, 3_000_000] {
            let read = try readAll(million, chunkSize: chunkSize)
            #expect(read.digest == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", "chunk size \(chunkSize)")
            #expect(read.size == 1_000_000)
        }
    }

    /// Every chunk is full but the last, then one empty chunk; the same bytes and digest at every chunk size.
    @Test func chunksAcrossBlocks() throws {
        var rng = UTF8ValidatorTests.SplitMix(state: 7)
        let content = (0..<3_500_001).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let path = try TestSupport.file(content, name: "random")
        var digests: Set<String> = []
        for chunkSize in [1 << 16, 100_000, 1 << 20, 1_048_577, 4_000_000] {
            let read = try readAll(path, chunkSize: chunkSize)
            #expect(read.bytes == content, "chunk size \(chunkSize)")
            #expect(read.chunks.dropLast(2).allSatisfy { $0 == chunkSize })
            #expect(read.chunks.last == 0)
            digests.insert(read.digest)
        }
        #expect(digests.count == 1)
    }

    /// The digest covers what was handed out, not what was read ahead.
    @Test func digestOfAPartialRead() throws {
        let path = try TestSupport.file(Array("abcdef".utf8), name: "abc")
        let file = try InputFile(path: path, chunkSize: 3)
        _ = try file.nextChunk { $0.count }
        #expect(file.size == 3)
        #expect(file.digest() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")  // SHA-256("abc")
    }
}
