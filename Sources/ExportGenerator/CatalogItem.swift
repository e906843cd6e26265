/// One service item (事项) with its catalog code, the department that handles it and its catalogue terms.
struct CatalogItem: Equatable {
    let code: String
    let name: String
    let department: String
    /// Whether township centers also handle it.
    let atTownships: Bool
    /// Its row of the item catalogue (`catalogue.csv`); nil for the items the catalogue leaves out, whose
    /// transactions are "uncatalogued" for the time-limit figures.
    let terms: ItemTerms?
}
