/// One planted defect, as listed in the demo README.
struct PlantedDefect {
    let kind: DefectKind
    let layout: ExportLayout
    /// The transaction number written (empty for ``DefectKind/missingID``).
    let transactionID: String
    /// The hall's code; empty for a street row naming no hall.
    let hallCode: String
    let detail: String
    /// The defective row; for a duplicate, the later (superseding) copy.
    var location: RowLocation?
    /// For a duplicate, the earlier (superseded) copy.
    var earlierLocation: RowLocation?
}
