pub mod csam001_not_declared;
pub mod csam002_no_protocol;
pub mod csam003_no_import_permit;
pub mod csam004_no_ncmec_reports;
