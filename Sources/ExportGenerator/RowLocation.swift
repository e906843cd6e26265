/// Where a record sits: its file (relative to the demo directory) and the physical line it starts on (line 1 is
/// the header of a CSV or TAB file, the XML declaration of an XML file).
struct RowLocation: Equatable {
    let path: String
    let line: Int
}
