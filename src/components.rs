//! The pieces the views share: the tables and their "Download CSV" links, the accessible
//! seat search, the function that places a chart drawn at the widget's width, and
//! the one module that puts the core's markup into the page (`markup`).

mod chart;
mod download;
pub mod markup;
mod picker;
mod table;

pub use chart::{chart_frame, ChartSpec};
pub use download::csv_link;
pub use picker::{seat_picker, Picker, Search};
pub use table::{code_at, element, head, table, use_seats_table, Shared};
