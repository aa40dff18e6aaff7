pub mod form001_unreadable_value;
