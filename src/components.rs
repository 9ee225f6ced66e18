//! The components that keep state of their own: a chart that draws itself at its
//! container's width, and the accessible seat search.

mod chart;
mod picker;

pub use chart::{ChartFrame, ChartFrameProps, ChartSpec};
pub use picker::{SeatPicker, SeatPickerProps};
