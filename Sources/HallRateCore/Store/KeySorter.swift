/// Sorts compact transactions by key, stably (equal keys keep their order).
///
/// Keys are hashes, so their top 33 bits almost always tell rows apart: an LSD radix sort on those
/// bits (3 passes of 11 bits, histograms counted in one read) orders the rows, and a last scan sorts
/// each group of rows that share their top 33 bits by the full key: by insertion when it is small
/// (a run of 2M random keys has about 230 such pairs), by comparison of (key, position) when it is
/// not, so keys made to collide cannot make the sort quadratic.
///
/// - Complexity: O(n) time for hashed keys, O(n log n) at worst; a scratch buffer of n elements.
enum KeySorter {
    static func sort(_ rows: inout [CompactTransaction]) {
        let n = rows.count
        guard n > 1 else { return }
        if n <= smallGroup {
            rows.withUnsafeMutableBufferPointer { insertionSort($0, 0..<n) }
            return
        }
        // Every element is written before it is read (CompactTransaction is plain data).
        var scratch = [CompactTransaction](unsafeUninitializedCapacity: n) { _, count in count = n }
        let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: 3 * buckets)
        defer { counts.deallocate() }
        let sortedIsInScratch = rows.withUnsafeMutableBufferPointer { rows in
            scratch.withUnsafeMutableBufferPointer { scratch in
                let inScratch = radixPassesOnHighBits(rows, scratch, n, counts: counts)
                let sorted = inScratch ? scratch : rows
                let other = inScratch ? rows : scratch
                sortGroupsSharingHighBits(sorted, other, n)
                return inScratch
            }
        }
        if sortedIsInScratch { swap(&rows, &scratch) }
    }

    private static let bits = 11
    private static let buckets = 1 << bits
    /// Groups up to this size are sorted by insertion.
    private static let smallGroup = 32

    /// Stable LSD passes over the first `n` rows on the 11-bit digits at bits 31, 42 and 53, between
    /// `a` and `b`; a pass in which every row has the same digit is skipped.
    /// - Returns: whether the sorted rows ended up in `b`.
    private static func radixPassesOnHighBits(
        _ a: UnsafeMutableBufferPointer<CompactTransaction>,
        _ b: UnsafeMutableBufferPointer<CompactTransaction>, _ n: Int,
        counts: UnsafeMutableBufferPointer<Int>
    ) -> Bool {
        let mask = UInt64(buckets - 1)
        counts.update(repeating: 0)
        for i in 0..<n {
            let key = a[i].key
            counts[Int((key >> 31) & mask)] += 1
            counts[buckets + Int((key >> 42) & mask)] += 1
            counts[2 * buckets + Int(key >> 53)] += 1
        }
        var inB = false
        for pass in 0..<3 {
            let shift = UInt64(31 + pass * bits)
            let base = pass * buckets
            let first = Int((a[0].key >> shift) & mask)
            if counts[base + first] == n { continue }
            var total = 0
            for digit in 0..<buckets {
                let count = counts[base + digit]
                counts[base + digit] = total
                total += count
            }
            let (from, to) = inB ? (b, a) : (a, b)
            for i in 0..<n {
                let row = from[i]
                let digit = base + Int((row.key >> shift) & mask)
                to[counts[digit]] = row
                counts[digit] += 1
            }
            inB.toggle()
        }
        return inB
    }

    /// Sorts, by the full key, each group of consecutive rows among the first `n` of `rows` (sorted
    /// by the top 33 bits) that share those bits; `spare` is scratch space of the same size.
    private static func sortGroupsSharingHighBits(
        _ rows: UnsafeMutableBufferPointer<CompactTransaction>,
        _ spare: UnsafeMutableBufferPointer<CompactTransaction>, _ n: Int
    ) {
        var start = 0
        while start < n {
            let high = rows[start].key >> 31
            var end = start + 1
            while end < n, rows[end].key >> 31 == high { end += 1 }
            if end - start > smallGroup {
                // (key, position) is a total order, so any sort keeps equal keys in their order.
                let order = (start..<end).sorted { (rows[$0].key, $0) < (rows[$1].key, $1) }
                for (offset, index) in order.enumerated() { spare[start + offset] = rows[index] }
                for i in start..<end { rows[i] = spare[i] }
            } else if end - start > 1 {
                insertionSort(rows, start..<end)
            }
            start = end
        }
    }

    /// Stable insertion sort of `rows[range]` by key.
    private static func insertionSort(_ rows: UnsafeMutableBufferPointer<CompactTransaction>, _ range: Range<Int>) {
        for i in range.dropFirst() {
            let row = rows[i]
            var j = i
            while j > range.lowerBound, rows[j - 1].key > row.key {
                rows[j] = rows[j - 1]
                j -= 1
            }
            rows[j] = row
        }
    }
}
