/// `hallrate-gen bench`: streams a large district-layout CSV (or, with `--format xml`, one XML file holding
/// the same records) over synthetic halls, in constant memory, with the hall registry and the demo's item
/// catalogue next to it.
struct BenchGenerator {
    let options: BenchOptions

    /// Bytes gathered before each write.
    private static let chunkSize = 1 << 20

    func run() throws {
        let registry = HallRegistry.synthetic(count: options.halls)
        try FileWriter.write(registry.csvBytes(withAliases: false), to: options.output + ".halls.csv")
        try FileWriter.write(Catalog.catalogueBytes(), to: options.output + ".catalogue.csv")

        let writer = try FileWriter(path: options.output)
        var chunk: [UInt8] = []
        chunk.reserveCapacity(BenchGenerator.chunkSize + 4096)
        switch options.format {
        case .csv:
            chunk.append(contentsOf: [0xEF, 0xBB, 0xBF])
            CSVLine.append(ExportLayout.district.header, lineEnding: "\r\n", to: &chunk)
        case .xml:
            chunk.appendText(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<办件导出 xmlns=\""
                    + XMLExportDocument.namespace + "\">\n")
        }
        let headerBytes = chunk.count
        var rows = BenchRows(
            registry: registry, rowCount: options.rows, monthCount: options.months,
            seed: options.seed, idPrefix: options.idPrefix)
        for i in 0..<options.rows {
            switch options.format {
            case .csv: rows.append(row: i, to: &chunk)
            case .xml: rows.appendXML(row: i, to: &chunk)
            }
            if chunk.count >= BenchGenerator.chunkSize {
                try writer.write(chunk)
                chunk.removeAll(keepingCapacity: true)
            }
        }
        var trailerBytes = 0
        if options.format == .xml {
            trailerBytes = chunk.count
            chunk.appendText("</办件导出>\n")
            trailerBytes = chunk.count - trailerBytes
        }
        try writer.write(chunk)
        try writer.close()

        let dataBytes = writer.bytesWritten - Int64(headerBytes + trailerBytes)
        let perRow = options.rows > 0 ? (dataBytes * 10 + Int64(options.rows) / 2) / Int64(options.rows) : 0
        let unit = options.format == .csv ? "rows" : "records"
        Console.info(
            "wrote \(options.rows) \(unit), \(writer.bytesWritten) bytes (\(perRow / 10).\(perRow % 10) bytes/\(unit.dropLast())) "
                + "to \(options.output); \(registry.halls.count) halls to \(options.output).halls.csv, the item catalogue to "
                + "\(options.output).catalogue.csv")
    }
}
