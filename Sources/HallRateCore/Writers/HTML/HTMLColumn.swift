/// One column of an HTML table: its header cell and the cell a row gives it, declared together so that
/// they cannot drift apart.
struct HTMLColumn<TableRow> {
    /// The `<th>` element.
    let head: String
    /// The row's `<td>` element.
    let cell: (TableRow) -> String

    init(_ head: String, _ cell: @escaping (TableRow) -> String) {
        self.head = head
        self.cell = cell
    }
}
