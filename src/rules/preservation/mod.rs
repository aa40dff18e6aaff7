/// What officers type while the provider's number has not come yet (data, not branches).
pub const PLACEHOLDERS: &[&str] = &[
    "n/a", "na", "tbc", "tba", "tbd", "pending", "none", "unknown", "-", "?", "nil", "null",
];
