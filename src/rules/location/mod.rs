pub mod loc001_location_missing;
pub mod loc002_location_not_confirmed;
pub mod loc003_wrong_country;
pub mod loc004_weak_basis;
pub mod loc005_records_in_us;
