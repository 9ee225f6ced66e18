//! The headless results core: the results data format, its validation, the figures
//! derived from it, table sorting, words and number formats, typed view models
//! (`view`), the national story (`story`), long tables' rows as HTML (`html`) and
//! chart drawing.
//!
//! Nothing here imports yew, web-sys or gloo, so every rule is tested natively with
//! plain `cargo test`; the widget and the `results` tool are thin shells over it.

pub mod announce;
pub mod card;
pub mod chart;
pub mod compare;
pub mod csv;
pub mod derive;
pub mod history;
pub mod html;
pub mod json;
pub mod load;
pub mod locale;
pub mod model;
pub mod national;
pub mod number;
pub mod postcode;
pub mod route;
pub mod sort;
pub mod story;
pub mod stv;
pub mod text;
pub mod validate;
pub mod view;

pub use derive::{Row, SeatResult, Summary, Swing};
pub use load::{parse_index, parse_results, LoadError};
pub use model::{Candidate, Constituency, Election, ElectionKind, Party, Previous, ResultsFile};
pub use route::{Route, View};
pub use sort::{Column, Direction, Sort, TableColumn};
pub use validate::{validate, Problem};
