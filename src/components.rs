//! Thin components: each maps part of a loaded result to HTML.

mod chart;
mod summary;
mod table;

pub use chart::{BarChartProps, BarChartView};
pub use summary::{SummaryLine, SummaryProps};
pub use table::{ResultTable, TableProps};
