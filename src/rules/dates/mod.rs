pub mod date001_range_incomplete;
pub mod date002_range_reversed;
pub mod date003_range_in_future;
pub mod date004_range_too_long;
