//! The pieces the views share: the components that keep state of their own (the
//! accessible seat search, and the table whose rows the core writes), and the
//! function that places a chart drawn at the widget's width.

mod chart;
mod picker;
mod table;

pub use chart::{chart_frame, ChartSpec};
pub use picker::{SeatPicker, SeatPickerProps};
pub use table::{code_at, Rows, Shared, Table, TableProps};
