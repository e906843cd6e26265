#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds, in one chunk of UTF-8 text, the lines that ``CSVParser`` may split without libcsv
/// (``RecordBatch/appendFields(splitting:on:)`` splits them).
///
/// A complete line (ended by CR or LF inside the chunk) that holds no quote byte is, for libcsv in
/// its "row not begun" state, exactly its bytes cut at each delimiter: no quoting applies and no
/// spaces are trimmed. Every other line (one with a quote, or one the chunk cuts) is libcsv's.
///
/// Searches go through `memchr`. The position of the next LF, CR and quote is remembered until the
/// scan passes it, so each byte of the chunk is searched at most once per kind of byte, whatever
/// the line endings (a CR-only file does not rescan the chunk for an LF on every line).
struct CSVFastSplitter {
    /// How the line starting at a given position must be read.
    enum Line {
        /// A complete line without a quote: its content ends at `end` (exclusive), where its
        /// terminator (CR or LF) is.
        case quoteFree(end: Int)
        /// A line for libcsv: it holds a quote or is not complete in this chunk. It ends at `end`,
        /// just after its terminator, or at the chunk's end.
        case forLibcsv(end: Int)
    }

    let base: UnsafePointer<UInt8>
    let count: Int
    /// The next LF, CR and quote at or after the scan position, `count` when there is none; -1
    /// until first searched.
    private var nextLineFeed = -1
    private var nextCarriageReturn = -1
    private var nextQuote = -1

    init(base: UnsafePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
    }

    /// Classifies the line that starts at `start`.
    /// - Complexity: amortised O(line length) over a chunk.
    mutating func line(from start: Int) -> Line {
        let terminator = terminatorPosition(from: start)
        guard terminator < count else { return .forLibcsv(end: count) }
        if Self.position(of: 0x22, in: base, count, from: start, cache: &nextQuote) < terminator {
            return .forLibcsv(end: terminator + 1)
        }
        return .quoteFree(end: terminator)
    }

    /// Where the line starting at `start` ends: just after its CR or LF, or at the chunk's end.
    mutating func lineEnd(from start: Int) -> Int {
        let terminator = terminatorPosition(from: start)
        return terminator < count ? terminator + 1 : count
    }

    /// The position of the first CR or LF at or after `start`, `count` when there is none.
    private mutating func terminatorPosition(from start: Int) -> Int {
        let lineFeed = Self.position(of: 0x0A, in: base, count, from: start, cache: &nextLineFeed)
        // A CR can only end the line before the LF: search no further than it.
        if nextCarriageReturn >= start { return min(lineFeed, nextCarriageReturn) }
        guard lineFeed > start, let hit = memchr(base + start, 0x0D, lineFeed - start) else {
            // None before the LF: remember that, without searching past the LF yet.
            nextCarriageReturn = lineFeed < count ? -1 : count
            return lineFeed
        }
        nextCarriageReturn = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        return nextCarriageReturn
    }

    /// The first `byte` at or after `start`, `count` when there is none; `cache` keeps the answer
    /// for later calls (a remembered hit at or after `start` is still the first one).
    private static func position(
        of byte: UInt8, in base: UnsafePointer<UInt8>, _ count: Int, from start: Int,
        cache: inout Int
    ) -> Int {
        if cache >= start { return cache }
        guard start < count, let hit = memchr(base + start, Int32(byte), count - start) else {
            cache = count
            return count
        }
        cache = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        return cache
    }
}
