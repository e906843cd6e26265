/// Where a row sits: the month index of its file and its physical line number (the header is line 1).
struct RowLocation: Equatable {
    let month: Int
    let line: Int
}
