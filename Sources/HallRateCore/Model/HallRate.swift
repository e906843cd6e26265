/// hallrate's version, printed by `--version` and written into every manifest.
package enum HallRate {
    package static let version = "1.0.0"
}
