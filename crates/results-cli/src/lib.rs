//! The `results` tool's library: importers of official files, the results
//! directory, and seat links across boundary changes. `main.rs` is its command line.

pub mod elections;
pub mod import;
pub mod links;
pub mod parties;
pub mod png;
pub mod postcodes;
pub mod render;
pub mod simulate;
pub mod store;
