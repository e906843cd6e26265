#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Counts the `=` signs inside each markup span (`<` … `>`) of an XML byte stream, across chunks, so
/// that a start tag with a runaway number of attributes is refused *before* libxml2 parses it: its
/// duplicate-attribute check is quadratic (100,000 attributes took 5 s, 500,000 about 190 s).
///
/// Works on the raw bytes of any encoding libxml2 reads: `<`, `=` and `>` are single bytes in UTF-8
/// and GB18030, and appear as such in UTF-16 too. A `>` inside an attribute value ends the span early,
/// which only undercounts; a CDATA section holding thousands of `=` and no `>` is the one false alarm.
struct StartTagScanner {
    /// The most `=` one span may hold.
    let limit: Int
    private var inside = false
    private var count = 0

    init(limit: Int) { self.limit = limit }

    /// Scans the next chunk; returns false once a span holds more than `limit` signs.
    /// - Complexity: O(n), with `memchr` between the bytes that matter.
    mutating func scan(_ chunk: UnsafeRawBufferPointer) -> Bool {
        guard let base = chunk.baseAddress else { return true }
        var position = 0
        let end = chunk.count
        while position < end {
            if inside {
                let close = memchr(base + position, 0x3E, end - position).map { base.distance(to: UnsafeRawPointer($0)) } ?? end
                var at = position
                while at < close, let sign = memchr(base + at, 0x3D, close - at) {
                    count += 1
                    if count > limit { return false }
                    at = base.distance(to: UnsafeRawPointer(sign)) + 1
                }
                if close == end { return true }
                inside = false
                position = close + 1
            } else {
                guard let open = memchr(base + position, 0x3C, end - position) else { return true }
                inside = true
                count = 0
                position = base.distance(to: UnsafeRawPointer(open)) + 1
            }
        }
        return true
    }
}
