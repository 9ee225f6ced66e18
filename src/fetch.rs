//! Loading results files and indexes over HTTP, with errors a reader understands.

use std::rc::Rc;

use results_core::model::Index;
use results_core::{LoadError, ResultsFile};

/// What a URL holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A results file: a seat's file, or a self-contained file of a few seats.
    Results,
    /// A results directory's `index.json`.
    Index,
}

/// A loaded file.
#[derive(Debug, Clone)]
pub enum Data {
    Results(Rc<ResultsFile>),
    Index(Rc<Index>),
}

/// The same file, not an equal one: comparing by pointer is instant, and a file
/// loaded again is new data worth a render.
impl PartialEq for Data {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Data::Results(a), Data::Results(b)) => Rc::ptr_eq(a, b),
            (Data::Index(a), Data::Index(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// Why a widget has nothing to show.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FetchError {
    #[error("The results could not be loaded: the connection failed ({detail}). Check your connection and try again.")]
    Network { detail: String },
    #[error("The results could not be loaded: the server answered {status} for {url}.")]
    Status { status: u16, url: String },
    #[error("The results file has a problem, so nothing is shown rather than something wrong: {0}")]
    Data(LoadError),
    #[error("The results index could not be read: {0}")]
    Index(String),
    #[error("The results file has no result for the seat \"{seat}\".")]
    NoSuchSeat { seat: String },
    #[error("This view needs a seat: add data-seat with the seat's ONS code, such as E14001086.")]
    NoSeat,
    #[error("This view needs a results directory (with index.json), not a single file.")]
    NeedsDirectory,
}

/// Whether `src` names one results file rather than a results directory.
pub fn is_single_file(src: &str) -> bool {
    src.ends_with(".json")
}

fn directory(src: &str) -> String {
    if src.is_empty() {
        String::new()
    } else {
        format!("{}/", src.trim_end_matches('/'))
    }
}

/// The URL of a seat's data: `src` itself when it names a `.json` file, otherwise
/// the seat's file in the results directory `src`.
pub fn seat_url(src: &str, seat: &str) -> String {
    if is_single_file(src) {
        src.to_string()
    } else {
        format!("{}seats/{seat}.json", directory(src))
    }
}

/// The URL of a results directory's index.
pub fn index_url(src: &str) -> String {
    format!("{}index.json", directory(src))
}

/// Parses a fetched body as what the URL holds.
pub fn data_from_text(text: &str, kind: Kind) -> Result<Data, FetchError> {
    match kind {
        Kind::Results => results_core::parse_results(text).map(|f| Data::Results(Rc::new(f))).map_err(FetchError::Data),
        Kind::Index => serde_json::from_str::<Index>(text).map(|i| Data::Index(Rc::new(i))).map_err(|e| FetchError::Index(e.to_string())),
    }
}

/// Fetches and parses one file.
pub async fn load(url: &str, kind: Kind) -> Result<Data, FetchError> {
    let response = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|err| FetchError::Network { detail: err.to_string() })?;
    if !response.ok() {
        return Err(FetchError::Status { status: response.status(), url: url.to_string() });
    }
    let text = response.text().await.map_err(|err| FetchError::Network { detail: err.to_string() })?;
    data_from_text(&text, kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_for_directories_and_files() {
        assert_eq!(seat_url("data/", "E1"), "data/seats/E1.json");
        assert_eq!(seat_url("data", "E1"), "data/seats/E1.json");
        assert_eq!(seat_url("", "E1"), "seats/E1.json");
        assert_eq!(seat_url("https://x.test/by-election.json", "E1"), "https://x.test/by-election.json");
        assert_eq!(index_url("data/"), "data/index.json");
        assert_eq!(index_url(""), "index.json");
    }

    #[test]
    fn data_errors_say_what_is_wrong() {
        let err = data_from_text("<html>oops</html>", Kind::Results).unwrap_err();
        assert!(err.to_string().contains("not valid JSON"), "{err}");
        assert!(matches!(data_from_text("{}", Kind::Index), Err(FetchError::Index(_))));
    }
}
