/// hallrate's version, printed by `--version` and written into every manifest.
public enum HallRate {
    public static let version = "1.0.0"
}
