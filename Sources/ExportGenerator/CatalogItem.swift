/// One service item (事项) with its catalog code and the department that handles it.
struct CatalogItem: Equatable {
    let code: String
    let name: String
    let department: String
    /// Whether township centers also handle it.
    let atTownships: Bool
}
