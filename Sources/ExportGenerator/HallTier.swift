/// The tier words of `halls.csv`.
enum HallTier: String, CaseIterable {
    case district, township, village
}
