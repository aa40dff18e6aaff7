pub mod pres001_no_reference;
pub mod pres002_placeholder_reference;
pub mod pres003_no_reference_yet;
pub mod pres004_preserved_without_date;
pub mod pres005_date_in_future;
pub mod pres006_lapsed;
pub mod pres007_expiring_soon;
pub mod pres008_extension_out_of_window;
pub mod pres009_beyond_maximum;
pub mod pres010_no_proof;
pub mod pres011_data_after_snapshot;
pub mod pres012_not_preserved;
pub mod pres013_confirmed_before_requested;
pub mod pres014_period_out_of_range;

/// What officers type while the provider's number has not come yet (data, not branches).
pub const PLACEHOLDERS: &[&str] = &[
    "n/a", "na", "tbc", "tba", "tbd", "pending", "none", "unknown", "-", "?", "nil", "null",
];
