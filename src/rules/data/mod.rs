pub mod data001_no_category;
pub mod data002_content_police_to_police;
pub mod data003_content_without_nexus;
pub mod data004_police_to_police_may_be_faster;
