/// Sorts compact transactions by key, stably (equal keys keep their order): an LSD radix sort on the
/// 64-bit key, 11 bits a pass, skipping the passes where every key has the same digit.
///
/// - Complexity: O(n) time, one scratch buffer of n elements.
enum KeySorter {
    static func sort(_ rows: inout [CompactTransaction]) {
        let n = rows.count
        guard n > 1 else { return }
        let bits = 11
        let buckets = 1 << bits
        var scratch = rows
        var counts = [Int](repeating: 0, count: buckets)
        var sortedIsInRows = true
        var shift = 0
        rows.withUnsafeMutableBufferPointer { rowsBuffer in
            scratch.withUnsafeMutableBufferPointer { scratchBuffer in
                counts.withUnsafeMutableBufferPointer { counts in
                    while shift < 64 {
                        let from = sortedIsInRows ? rowsBuffer : scratchBuffer
                        let to = sortedIsInRows ? scratchBuffer : rowsBuffer
                        let mask = UInt64(buckets - 1)
                        for i in 0..<buckets { counts[i] = 0 }
                        for i in 0..<n { counts[Int((from[i].key >> UInt64(shift)) & mask)] += 1 }
                        let digit = Int((from[0].key >> UInt64(shift)) & mask)
                        if counts[digit] != n {
                            var total = 0
                            for i in 0..<buckets {
                                let count = counts[i]
                                counts[i] = total
                                total += count
                            }
                            for i in 0..<n {
                                let bucket = Int((from[i].key >> UInt64(shift)) & mask)
                                to[counts[bucket]] = from[i]
                                counts[bucket] += 1
                            }
                            sortedIsInRows.toggle()
                        }
                        shift += bits
                    }
                }
            }
        }
        if !sortedIsInRows { rows = scratch }
    }
}
