/// Calendar and clock fields of one ``Stamp``.
struct CivilFields: Equatable {
    let year: Int
    let month: Int
    let day: Int
    let hour: Int
    let minute: Int
    let second: Int
}
