/// One service hall, as a row of `halls.csv`.
struct HallRecord: Equatable {
    let code: String
    let name: String
    let tier: HallTier
    let parentCode: String
    /// Other names the hall goes by (`aliases` of `halls.csv`, `;`-separated there); names and aliases are unique.
    var aliases: [String] = []

    /// `520502TTT000` for township `TTT`, `520502TTTVVV` for its village `VVV`.
    static func code(township: Int, village: Int = 0) -> String {
        var bytes = Array("520502".utf8)
        bytes.appendDigits(township, width: 3)
        bytes.appendDigits(village, width: 3)
        return String(decoding: bytes, as: UTF8.self)
    }
}
