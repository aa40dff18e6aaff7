pub mod case001_countries;
pub mod case002_no_offence;
pub mod case003_facts_too_short;
