//! Loading a seat's results over HTTP, with errors a reader understands.

use results_core::{LoadError, SeatResult};

/// A seat's result, loaded and derived, with the data's attribution.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedSeat {
    pub result: SeatResult,
    pub attribution: Option<String>,
}

/// Why a widget has no result to show.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FetchError {
    #[error("The results could not be loaded: the connection failed ({detail}). Check your connection and try again.")]
    Network { detail: String },
    #[error("The results could not be loaded: the server answered {status} for {url}.")]
    Status { status: u16, url: String },
    #[error("The results file has a problem, so nothing is shown rather than something wrong: {0}")]
    Data(LoadError),
    #[error("The results file has no result for the seat \"{seat}\".")]
    NoSuchSeat { seat: String },
    #[error("This widget needs a seat: add data-seat with the seat's ONS code, such as E14001086.")]
    NoSeat,
}

/// The URL of a seat's data: `src` itself when it names a `.json` file, otherwise
/// the seat's file in the results directory `src`.
pub fn seat_url(src: &str, seat: &str) -> String {
    if src.ends_with(".json") {
        src.to_string()
    } else if src.is_empty() {
        format!("seats/{seat}.json")
    } else {
        format!("{}/seats/{seat}.json", src.trim_end_matches('/'))
    }
}

/// Picks the seat out of a results file's text and derives its result.
pub fn seat_from_text(text: &str, seat: &str, election: Option<&str>) -> Result<LoadedSeat, FetchError> {
    let file = results_core::parse_results(text).map_err(FetchError::Data)?;
    let contest = file.contest(seat, election).ok_or_else(|| FetchError::NoSuchSeat { seat: seat.to_string() })?;
    Ok(LoadedSeat { result: SeatResult::new(&file, contest), attribution: file.attribution.clone() })
}

/// Fetches and derives one seat's result.
pub async fn load_seat(src: &str, seat: &str, election: Option<&str>) -> Result<LoadedSeat, FetchError> {
    if seat.trim().is_empty() {
        return Err(FetchError::NoSeat);
    }
    let url = seat_url(src, seat);
    let response = gloo_net::http::Request::get(&url)
        .send()
        .await
        .map_err(|err| FetchError::Network { detail: err.to_string() })?;
    if !response.ok() {
        return Err(FetchError::Status { status: response.status(), url });
    }
    let text = response.text().await.map_err(|err| FetchError::Network { detail: err.to_string() })?;
    seat_from_text(&text, seat, election)
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
    }

    #[test]
    fn the_shipped_default_is_bethnal_green_and_stepney() {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/seats/E14001086.json")).unwrap();
        let seat = seat_from_text(&text, "E14001086", None).unwrap();
        let result = &seat.result;
        assert_eq!(result.name, "Bethnal Green and Stepney");
        assert_eq!(result.rows.len(), 11);
        assert_eq!(result.summary.majority, 1689);
        assert_eq!(result.summary.result_text, "Lab hold");
        assert_eq!(results_core::format::percent(result.summary.majority_share), "3.6%");
        assert!(seat.attribution.unwrap().contains("Open Parliament Licence v3.0"));
    }

    #[test]
    fn a_missing_seat_is_named() {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/seats/E14001086.json")).unwrap();
        let err = seat_from_text(&text, "E14000000", None).unwrap_err();
        assert_eq!(err.to_string(), "The results file has no result for the seat \"E14000000\".");
    }

    #[test]
    fn data_errors_say_what_is_wrong() {
        let err = seat_from_text("<html>oops</html>", "E1", None).unwrap_err();
        assert!(err.to_string().contains("not valid JSON"), "{err}");
    }
}
