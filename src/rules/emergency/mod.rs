pub mod emer001_justification_too_short;
pub mod emer002_risk_not_serious;
pub mod emer003_no_time_frame;
pub mod emer004_not_imminent;
pub mod emer005_no_written_follow_up;
pub mod emer006_contacts;
