/// `hallrate-gen demo`: writes the demo registry, 14 months of exports in five layouts (CSV, TAB-separated
/// UTF-16 and per-station XML), the item catalogue and README.md.
struct DemoGenerator {
    let options: DemoOptions

    func run() throws {
        let registry = HallRegistry.demo()
        let months = Scenario.months
        let plan = VolumePlan(registry: registry, monthCount: months.count, seed: Scenario.seed)
        let exports = ExportLayout.allCases.map { layout in
            let indices = registry.halls.indices.filter { layout.carries(registry.halls[$0]) }
            return TierExportBuilder(
                layout: layout, halls: indices.map { registry.halls[$0] },
                counts: indices.map { plan.counts[$0] }, months: months,
                seed: Scenario.seed
            ).build()
        }
        let truth = GroundTruth(registry: registry, exports: exports, monthCount: months.count)
        let timeLimits = try TimeLimitTruth(exports: exports, months: months)
        let problems = ScenarioCheck.problems(registry: registry, truth: truth, exports: exports, months: months)
        guard problems.isEmpty else {
            throw GeneratorError("generated set fails its own checks:\n  " + problems.joined(separator: "\n  "))
        }

        let root = options.outputDirectory
        try FileWriter.write(registry.csvBytes(withAliases: true), to: root + "/halls.csv")
        try FileWriter.write(Catalog.catalogueBytes(), to: root + "/catalogue.csv")
        var totalBytes = 0
        for export in exports {
            for file in export.files {
                let bytes = try file.bytes(export.layout)
                totalBytes += bytes.count
                try FileWriter.write(bytes, to: root + "/" + file.relativePath)
            }
        }
        let readme = DemoReadme(registry: registry, exports: exports, truth: truth, timeLimits: timeLimits, months: months)
        try FileWriter.write(Array(readme.text.utf8), to: root + "/README.md")
        report(registry: registry, exports: exports, bytes: totalBytes)
    }

    private func report(registry: HallRegistry, exports: [TierExport], bytes: Int) {
        let halls = HallTier.allCases.map { "\(registry.halls(in: $0).count) \($0.rawValue)" }
        Console.info("wrote \(options.outputDirectory)/halls.csv (" + halls.joined(separator: ", ") + ")")
        let items = Catalog.items.count - Catalog.uncataloguedItems.count
        Console.info("wrote \(options.outputDirectory)/catalogue.csv (\(items) of \(Catalog.items.count) items)")
        for export in exports {
            Console.info(
                "wrote \(export.files.count) \(export.layout.directory) files, \(export.rowCount) data rows, "
                    + "\(export.defects.count) planted defects")
        }
        let all = exports.flatMap(\.defects)
        for kind in DefectKind.allCases {
            let counts = ExportLayout.allCases.map { layout in all.filter { $0.kind == kind && $0.layout == layout }.count }
            Console.info("  \(kind.label): " + counts.map(String.init).joined(separator: " + ") + " = \(counts.reduce(0, +))")
        }
        let total = exports.map(Reconciliation.init).reduce(Reconciliation(), +)
        Console.info(
            "expected: \(total.rowsRead) rows read, \(total.rejected) rejected, \(total.duplicates) duplicates, "
                + "\(total.accepted) accepted")
        Console.info("export files total \(bytes) bytes; wrote \(options.outputDirectory)/README.md")
    }
}
