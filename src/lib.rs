//! The results widget: Yew components over the headless [`results_core`].
//!
//! `mount` finds the host elements on the page, `app` holds one widget's state
//! (loading, sort) and `components` map that state to HTML. All results logic lives
//! in `results_core`; nothing here computes a figure.

pub mod app;
pub mod components;
pub mod fetch;
pub mod mount;
pub mod state;

pub use app::{Widget, WidgetProps};
