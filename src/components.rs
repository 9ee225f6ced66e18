//! The components that keep state of their own: a chart that draws itself at its
//! container's width, the accessible seat search, and the table whose rows the
//! core writes.

mod chart;
mod picker;
mod table;

pub use chart::{chart_frame, ChartSpec};
pub use picker::{SeatPicker, SeatPickerProps};
pub use table::{code_at, Rows, Shared, Table, TableProps};
