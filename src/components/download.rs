//! "Download CSV" under a table: a link that saves the rows shown, in the order
//! shown, as the core writes them (`results_core::csv`).
//!
//! The file is the link's `data:` URL, written with the table: no request and no
//! script at the press, so the static copy of `results render` has a working link,
//! and nothing the README's strict Content Security Policy blocks (it governs what a
//! page loads, not what a reader saves). A page hides the links with
//! `data-tools="none"` (see the styles).

use yew::prelude::*;

/// The link, labelled `label`, saving `csv` as `file` (a name: the browser makes it
/// safe for the reader's system).
pub fn csv_link(label: &str, file: String, csv: &str) -> Html {
    html! { <a class="rw-csv" href={results_core::csv::data_url(csv)} download={file}>{ label }</a> }
}
