/// `hallrate-gen bench`: streams a large district-layout CSV over synthetic halls, in constant memory.
struct BenchGenerator {
    let options: BenchOptions

    /// Bytes gathered before each write.
    private static let chunkSize = 1 << 20

    func run() throws {
        let registry = HallRegistry.synthetic(count: options.halls)
        try FileWriter.write(registry.csvBytes(withAliases: false), to: options.output + ".halls.csv")

        let writer = try FileWriter(path: options.output)
        var chunk: [UInt8] = [0xEF, 0xBB, 0xBF]
        chunk.reserveCapacity(BenchGenerator.chunkSize + 4096)
        CSVLine.append(ExportLayout.district.header, lineEnding: "\r\n", to: &chunk)
        let headerBytes = chunk.count
        var rows = BenchRows(registry: registry, rowCount: options.rows, monthCount: options.months,
                             seed: options.seed)
        for i in 0..<options.rows {
            rows.append(row: i, to: &chunk)
            if chunk.count >= BenchGenerator.chunkSize {
                try writer.write(chunk)
                chunk.removeAll(keepingCapacity: true)
            }
        }
        try writer.write(chunk)
        try writer.close()

        let dataBytes = writer.bytesWritten - Int64(headerBytes)
        let perRow = options.rows > 0 ? (dataBytes * 10 + Int64(options.rows) / 2) / Int64(options.rows) : 0
        Console.info("wrote \(options.rows) rows, \(writer.bytesWritten) bytes (\(perRow / 10).\(perRow % 10) bytes/row) "
            + "to \(options.output); \(registry.halls.count) halls to \(options.output).halls.csv")
    }
}
