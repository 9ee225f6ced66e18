//! Loading results files and indexes over HTTP, with errors a reader understands.
//!
//! Nothing a server sends can break a widget: a request that does not finish within
//! [`TIMEOUT_MS`] (headers or body) is aborted, a body over [`MAX_BYTES`] is refused,
//! and a web page, a file of another type or one that is not UTF-8 text each get a
//! sentence saying so instead of a parse error.

use results_core::locale::Locale;
use std::rc::Rc;

use results_core::model::Index;
use results_core::postcode::{area_path, parse_area, AreaFile, Postcode};
use results_core::{LoadError, ResultsFile};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use results_core::locale::Label;

/// How long a file may take, from the request to the last byte of its body, in
/// milliseconds: 15 seconds. (For the loader's request, handed over, the clock starts
/// when the widget takes it over.)
pub const TIMEOUT_MS: u32 = 15_000;

/// The largest file the widget reads, in bytes: 5 MB. The whole country's index is
/// about 0.2 MB and a seat's file a few kilobytes, so anything near this is not
/// results data, or is more than a reader's phone should be asked to parse. A
/// `Content-Length` over it is refused before the body is read; a body without one
/// is measured once read, before it is copied into the wasm memory.
pub const MAX_BYTES: u64 = 5_000_000;

/// A widget's limits on what it fetches: [`TIMEOUT_MS`] and [`MAX_BYTES`] unless the
/// embed sets `data-timeout` (seconds) or `data-max-kb` (kilobytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub timeout_ms: u32,
    pub max_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { timeout_ms: TIMEOUT_MS, max_bytes: MAX_BYTES }
    }
}

impl Limits {
    /// The limits an embed asks for, within sane bounds (1 to 120 seconds; 1 KB to
    /// 50 MB); anything else keeps the default.
    pub fn from_attributes(timeout_seconds: Option<&str>, max_kb: Option<&str>) -> Limits {
        let default = Limits::default();
        Limits {
            timeout_ms: timeout_seconds
                .and_then(|s| s.trim().parse::<u64>().ok())
                .filter(|s| (1..=120).contains(s))
                .map_or(default.timeout_ms, |s| s as u32 * 1000),
            max_bytes: max_kb
                .and_then(|s| s.trim().parse::<u64>().ok())
                .filter(|kb| (1..=50_000).contains(kb))
                .map_or(default.max_bytes, |kb| kb * 1000),
        }
    }
}

/// A request the embed loader started while the wasm was loading (see
/// `embed/loader.js`): the file a widget shows first, asked for at the same time as
/// the code rather than after it. Its answer is read as the widget's own request
/// would be, with every check; its time limit aborts it through `controller`.
#[derive(Debug, Clone)]
pub struct Handover {
    pub url: String,
    /// Resolves to `[Response, ArrayBuffer]`, or `[Response]` where the loader left a
    /// body too large to read; rejects as `fetch` does.
    pub answer: js_sys::Promise,
    pub controller: Option<web_sys::AbortController>,
    /// What `answer` resolved to, when it had by the time the widget mounted: the
    /// widget reads it at once (see [`Handover::settled_data`]).
    pub settled: Option<js_sys::Array>,
}

impl Handover {
    /// The file, when the answer had come whole by the time the widget mounted, read
    /// with every check of the widget's own requests (status, type, size) so that the
    /// first render can show it. `None` otherwise, or where a check refuses it: the
    /// request is then read as usual, and the refusal shown as usual.
    /// Its validators go into `versions`, so that the first poll asks conditionally.
    pub fn settled_data(&self, kind: Kind, max_bytes: u64, versions: &Versions) -> Option<Data> {
        let settled = self.settled.as_ref()?;
        let response = settled.get(0).dyn_into::<web_sys::Response>().ok()?;
        let body = settled.get(1).dyn_into::<js_sys::ArrayBuffer>().ok()?;
        let validators = check_response(&self.url, &response, false, max_bytes).ok()??;
        let data = data_from_bytes_within(body_bytes(&body, max_bytes).ok()?, kind, max_bytes).ok()?;
        versions.set(&self.url, validators);
        Some(data)
    }
}

/// The same request.
impl PartialEq for Handover {
    fn eq(&self, other: &Self) -> bool {
        self.url == other.url && JsValue::from(&self.answer) == JsValue::from(&other.answer)
    }
}

/// What a URL holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A results file: a seat's file, or a self-contained file of a few seats.
    Results,
    /// A results directory's `index.json`.
    Index,
    /// A postcode area's file: `postcodes/E.json` (`results_core::postcode`).
    Postcode,
}

/// A loaded file.
#[derive(Debug, Clone)]
pub enum Data {
    Results(Rc<ResultsFile>),
    Index(Rc<Index>),
    Postcode(Rc<AreaFile>),
}

/// What a postcode file carries in place of parties and labels.
static NO_LABELS: results_core::model::TextMap = results_core::model::TextMap::new();

impl Data {
    /// The parties the file names.
    pub fn parties(&self) -> &[results_core::Party] {
        match self {
            Data::Results(file) => &file.parties,
            Data::Index(index) => &index.parties,
            Data::Postcode(_) => &[],
        }
    }

    /// The label replacements the file carries.
    pub fn labels(&self) -> &results_core::model::TextMap {
        match self {
            Data::Results(file) => &file.labels,
            Data::Index(index) => &index.labels,
            Data::Postcode(_) => &NO_LABELS,
        }
    }
}

/// The same file, not an equal one: comparing by pointer is instant, and a file
/// loaded again is new data worth a render.
impl PartialEq for Data {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Data::Results(a), Data::Results(b)) => Rc::ptr_eq(a, b),
            (Data::Index(a), Data::Index(b)) => Rc::ptr_eq(a, b),
            (Data::Postcode(a), Data::Postcode(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// Why a widget has nothing to show. Each has its words in the locale's labels
/// (`error.*`); `Display` gives the English.
#[derive(Debug, Clone, PartialEq)]
pub enum FetchError {
    Network { detail: String },
    /// The server answered with an HTTP error status.
    Status { status: u16, url: String },
    /// No answer, or not the whole body, within the time limit.
    Timeout { timeout_ms: u32 },
    /// The body is over the widget's limit ([`MAX_BYTES`] unless the embed sets another).
    TooLarge { bytes: u64, limit: u64 },
    /// An HTML page (a login page, a "not found" page served with status 200).
    WebPage,
    /// A body of a type that is not JSON, by its `Content-Type`.
    ContentType { content_type: String },
    /// A body that is not UTF-8.
    NotText,
    Data(LoadError),
    Index(String),
    /// A postcode area's file that does not read as one.
    PostcodeFile(String),
    NoSeat,
    NeedsDirectory,
    /// A mistake in the embed's own attributes (`data-labels`, `data-locale`).
    Embed(String),
}

impl FetchError {
    /// The message in the locale's words.
    pub fn message(&self, locale: &Locale) -> String {
        let status_key = |status: u16| match status {
            404 | 410 => Label::ErrorNotFound,
            401 | 403 => Label::ErrorRefused,
            408 | 429 => Label::ErrorBusy,
            500..=599 => Label::ErrorServer,
            _ => Label::ErrorStatus,
        };
        match self {
            FetchError::Network { detail } => locale.fill(Label::ErrorNetwork, &[("detail", detail)]),
            FetchError::Status { status, url } => locale.fill(status_key(*status), &[("status", &status.to_string()), ("url", url)]),
            FetchError::Timeout { timeout_ms } => {
                let seconds = timeout_ms.div_ceil(1000);
                let time = locale.fill(if seconds == 1 { Label::ErrorOneSecond } else { Label::ErrorSeconds }, &[("n", &seconds.to_string())]);
                locale.fill(Label::ErrorTimeout, &[("time", &time)])
            }
            FetchError::TooLarge { bytes, limit } => locale.fill(Label::ErrorTooLarge, &[("size", &megabytes(*bytes, locale)), ("limit", &megabytes(*limit, locale))]),
            FetchError::WebPage => locale.text(Label::ErrorWebPage).to_string(),
            FetchError::ContentType { content_type } => locale.fill(Label::ErrorContentType, &[("type", content_type)]),
            FetchError::NotText => locale.text(Label::ErrorNotText).to_string(),
            FetchError::Data(err) => locale.fill(Label::ErrorData, &[("problem", &err.to_string())]),
            FetchError::Index(why) => locale.fill(Label::ErrorIndex, &[("problem", why)]),
            FetchError::PostcodeFile(why) => locale.fill(Label::ErrorPostcodeFile, &[("problem", why)]),
            FetchError::NoSeat => locale.text(Label::ErrorNoSeat).to_string(),
            FetchError::NeedsDirectory => locale.text(Label::ErrorNeedsDirectory).to_string(),
            FetchError::Embed(why) => locale.fill(Label::ErrorEmbed, &[("problem", why)]),
        }
    }
}

impl std::fmt::Display for FetchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(&Locale::default()))
    }
}

impl std::error::Error for FetchError {}

/// Bytes in megabytes to a tenth, in whole numbers (float formatting would cost the
/// widget kilobytes of code).
fn megabytes(bytes: u64, locale: &Locale) -> String {
    let tenths = bytes.saturating_add(50_000) / 100_000;
    let n = &locale.numbers;
    match tenths % 10 {
        0 => format!("{} MB", n.thousands(tenths / 10)),
        tenth => format!("{}{}{tenth} MB", n.thousands(tenths / 10), n.decimal),
    }
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

/// The URL of the file that finds a postcode's seat: `data/postcodes/E.json`.
pub fn postcode_url(src: &str, postcode: &Postcode) -> String {
    format!("{}{}", directory(src), area_path(postcode))
}

/// Parses a fetched body as what the URL holds.
pub fn data_from_text(text: &str, kind: Kind) -> Result<Data, FetchError> {
    match kind {
        Kind::Results => results_core::parse_results(text).map(|f| Data::Results(Rc::new(f))).map_err(FetchError::Data),
        Kind::Index => results_core::parse_index(text).map(|index| Data::Index(Rc::new(index))).map_err(|e| FetchError::Index(e.to_string())),
        Kind::Postcode => parse_area(text).map(|file| Data::Postcode(Rc::new(file))).map_err(|e| FetchError::PostcodeFile(e.to_string())),
    }
}

/// Checks a fetched body (its size, its encoding, that it is not a web page) and
/// parses it as what the URL holds.
pub fn data_from_bytes(bytes: Vec<u8>, kind: Kind) -> Result<Data, FetchError> {
    data_from_bytes_within(bytes, kind, MAX_BYTES)
}

/// [`data_from_bytes`] with a size limit of `max_bytes`.
pub fn data_from_bytes_within(bytes: Vec<u8>, kind: Kind, max_bytes: u64) -> Result<Data, FetchError> {
    let length = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if length > max_bytes {
        return Err(FetchError::TooLarge { bytes: length, limit: max_bytes });
    }
    let text = results_core::text::utf8(&bytes).ok_or(FetchError::NotText)?;
    // A byte order mark, as some Windows editors write, is not part of the JSON.
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    // JSON never starts with `<`: this is a page (an error page served with 200, a
    // host's "not found" page, a login wall).
    if text.trim_start().starts_with('<') {
        return Err(FetchError::WebPage);
    }
    data_from_text(text, kind)
}

/// Whether a `Content-Type` is one results data may come with: JSON by name, or the
/// generic types static hosts give files they do not know, or none.
pub fn check_content_type(content_type: Option<&str>) -> Result<(), FetchError> {
    let Some(value) = content_type else { return Ok(()) };
    let essence = value.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
    match essence.as_str() {
        "" | "application/json" | "text/json" | "application/octet-stream" | "text/plain" => Ok(()),
        json if json.ends_with("+json") => Ok(()),
        "text/html" | "application/xhtml+xml" => Err(FetchError::WebPage),
        _ => Err(FetchError::ContentType { content_type: essence.chars().take(80).collect() }),
    }
}

/// Refuses a body whose `Content-Length` is over `max_bytes`, before it is read.
pub fn check_content_length(content_length: Option<&str>, max_bytes: u64) -> Result<(), FetchError> {
    match content_length.and_then(|value| value.trim().parse::<u64>().ok()) {
        Some(bytes) if bytes > max_bytes => Err(FetchError::TooLarge { bytes, limit: max_bytes }),
        _ => Ok(()),
    }
}

/// Fetches and parses one file, giving up after `limits.timeout_ms` milliseconds (the
/// response and its whole body) and refusing a body over `limits.max_bytes`. A
/// [`Handover`] for the URL is read instead of asking again. The file's validators go
/// into `versions`: the poller's first request for it is already conditional.
pub async fn load_within(url: &str, kind: Kind, limits: Limits, handover: Option<Handover>, versions: &Versions) -> Result<Data, FetchError> {
    let mut validators = Validators::default();
    match fetch_checked(url, kind, limits, &mut validators, handover).await? {
        Some(data) => {
            versions.set(url, validators);
            Ok(data)
        }
        // Nothing was asked conditionally, so a 304 is the server's mistake.
        None => Err(FetchError::Status { status: 304, url: url.to_string() }),
    }
}

/// What identifies the version of a file a widget has (`ETag`, `Last-Modified`): sent
/// back as `If-None-Match` and `If-Modified-Since`, so that an unchanged file costs a
/// `304 Not Modified` and no parsing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// The validators of a widget's files, by URL (a handful: a list is smaller code than
/// a map), kept from the first load on, whether the widget or the loader asked for the
/// file: the poller's first request is conditional, and an unchanged file is never
/// downloaded twice. One per widget, shared by its loads and its poller.
#[derive(Debug, Clone, Default)]
pub struct Versions(Rc<std::cell::RefCell<Vec<(String, Validators)>>>);

/// The same widget's.
impl PartialEq for Versions {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Versions {
    fn get(&self, url: &str) -> Validators {
        self.0.borrow().iter().find(|(u, _)| u == url).map(|(_, v)| v.clone()).unwrap_or_default()
    }

    fn set(&self, url: &str, validators: Validators) {
        let mut known = self.0.borrow_mut();
        match known.iter_mut().find(|(u, _)| u == url) {
            Some(entry) => entry.1 = validators,
            None => known.push((url.to_string(), validators)),
        }
    }
}

/// Fetches and parses a file unless the server says it is unchanged since the
/// version in `versions` (`Ok(None)`), within `limits`; `versions` is updated from
/// the answer. Every check of [`load_within`] applies.
pub async fn load_if_changed(url: &str, kind: Kind, versions: &Versions, limits: Limits) -> Result<Option<Data>, FetchError> {
    let mut known = versions.get(url);
    let loaded = fetch_checked(url, kind, limits, &mut known, None).await;
    versions.set(url, known);
    loaded
}

async fn fetch_checked(url: &str, kind: Kind, limits: Limits, known: &mut Validators, handover: Option<Handover>) -> Result<Option<Data>, FetchError> {
    let Limits { timeout_ms, max_bytes } = limits;
    let (answer, controller) = handover.map(|h| (Some(h.answer), h.controller)).unwrap_or_default();
    let deadline = Deadline::start(timeout_ms, controller);
    let fetched = fetch_bytes(url, deadline.signal().as_ref(), known, max_bytes, answer).await;
    let timed_out = deadline.finish();
    match fetched {
        // The abort surfaces as a failed connection or body.
        Err(FetchError::Network { .. }) if timed_out => Err(FetchError::Timeout { timeout_ms }),
        Err(err) => Err(err),
        Ok(None) => Ok(None),
        Ok(Some((bytes, validators))) => {
            let data = data_from_bytes_within(bytes, kind, max_bytes)?;
            // Only a file that was read is a known version: a broken one is asked for whole again.
            *known = validators;
            Ok(Some(data))
        }
    }
}

/// The body and its validators, or `None` for a `304 Not Modified` to a conditional
/// request. `handed` is the loader's answer for the URL, if it asked already.
async fn fetch_bytes(
    url: &str,
    signal: Option<&web_sys::AbortSignal>,
    known: &Validators,
    max_bytes: u64,
    handed: Option<js_sys::Promise>,
) -> Result<Option<(Vec<u8>, Validators)>, FetchError> {
    let failed = |err: JsValue| FetchError::Network { detail: js_error_text(&err) };
    let no_response = || FetchError::Network { detail: "no response".into() };
    let conditional = known.etag.is_some() || known.last_modified.is_some();
    let (answer, body) = match handed {
        Some(answer) => {
            let answer = js_sys::Array::from(&JsFuture::from(answer).await.map_err(failed)?);
            (answer.get(0), answer.get(1).dyn_into::<js_sys::ArrayBuffer>().ok())
        }
        None => {
            let init = web_sys::RequestInit::new();
            init.set_signal(signal);
            if conditional {
                let headers = web_sys::Headers::new().map_err(failed)?;
                if let Some(etag) = &known.etag {
                    headers.set("if-none-match", etag).map_err(failed)?;
                }
                if let Some(date) = &known.last_modified {
                    headers.set("if-modified-since", date).map_err(failed)?;
                }
                init.set_headers(&headers);
            }
            let window = web_sys::window().ok_or_else(no_response)?;
            (JsFuture::from(window.fetch_with_str_and_init(url, &init)).await.map_err(failed)?, None)
        }
    };
    let response = answer.dyn_into::<web_sys::Response>().map_err(|_| no_response())?;
    let Some(validators) = check_response(url, &response, conditional, max_bytes)? else { return Ok(None) };
    // The body as an ArrayBuffer, measured before it is copied into the wasm memory
    // (which never shrinks): a body without a Content-Length is refused there.
    let buffer = match body {
        Some(buffer) => buffer,
        None => JsFuture::from(response.array_buffer().map_err(failed)?).await.map_err(failed)?.unchecked_into(),
    };
    Ok(Some((body_bytes(&buffer, max_bytes)?, validators)))
}

/// Checks a response before its body is read (its status, type and length) and gives
/// its validators, or `None` for a `304 Not Modified` to a conditional request.
fn check_response(url: &str, response: &web_sys::Response, conditional: bool, max_bytes: u64) -> Result<Option<Validators>, FetchError> {
    if conditional && response.status() == 304 {
        return Ok(None);
    }
    if !response.ok() {
        return Err(FetchError::Status { status: response.status(), url: url.to_string() });
    }
    let headers = response.headers();
    let header = |name: &str| headers.get(name).ok().flatten();
    check_content_type(header("content-type").as_deref())?;
    check_content_length(header("content-length").as_deref(), max_bytes)?;
    Ok(Some(Validators { etag: header("etag"), last_modified: header("last-modified") }))
}

/// A body's bytes, refused if over `max_bytes` before they are copied into the wasm memory.
fn body_bytes(buffer: &js_sys::ArrayBuffer, max_bytes: u64) -> Result<Vec<u8>, FetchError> {
    let bytes = js_sys::Uint8Array::new(buffer);
    let length = u64::from(bytes.length());
    if length > max_bytes {
        return Err(FetchError::TooLarge { bytes: length, limit: max_bytes });
    }
    Ok(bytes.to_vec())
}

/// A JavaScript error as `fetch` failures are worded (`TypeError: Failed to fetch`).
fn js_error_text(err: &JsValue) -> String {
    String::from(err.unchecked_ref::<js_sys::Object>().to_string())
}

/// A request's time limit: an `AbortController` whose `abort`, bound to it, a timer
/// calls. No Rust closure is involved, so a timer that fires late (a page that wraps
/// `setTimeout`, a test's fake clock) cannot call into freed memory: it aborts a
/// finished request, which does nothing.
struct Deadline {
    controller: Option<web_sys::AbortController>,
    timer: Option<(web_sys::Window, i32)>,
}

impl Deadline {
    /// Starts the clock, for `controller`'s request if one was made already. Where
    /// there is no `AbortController` (a very old browser) or no window, the request
    /// simply has no time limit.
    fn start(timeout_ms: u32, controller: Option<web_sys::AbortController>) -> Deadline {
        let controller = controller.or_else(|| web_sys::AbortController::new().ok());
        let abort = controller.as_ref().and_then(|controller| {
            let abort = js_sys::Reflect::get(controller, &JsValue::from_str("abort")).ok()?;
            Some(abort.dyn_into::<js_sys::Function>().ok()?.bind0(controller))
        });
        let timer = match (web_sys::window(), abort) {
            (Some(window), Some(abort)) => {
                let delay = i32::try_from(timeout_ms).unwrap_or(i32::MAX);
                window.set_timeout_with_callback_and_timeout_and_arguments_0(&abort, delay).ok().map(|handle| (window, handle))
            }
            _ => None,
        };
        Deadline { controller, timer }
    }

    fn signal(&self) -> Option<web_sys::AbortSignal> {
        self.controller.as_ref().map(web_sys::AbortController::signal)
    }

    /// Stops the clock and says whether the time ran out. Also aborts the request, so
    /// that a body left unread (an error status, a refused type or size) stops
    /// downloading; aborting a finished request does nothing.
    fn finish(self) -> bool {
        let expired = self.controller.as_ref().is_some_and(|c| c.signal().aborted());
        if let Some((window, handle)) = &self.timer {
            window.clear_timeout_with_handle(*handle);
        }
        if let Some(controller) = &self.controller {
            controller.abort();
        }
        expired
    }
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

    #[test]
    fn bodies_that_are_not_results_data_say_what_they_are() {
        let page = b"\n  <!doctype html><title>Not found</title>".to_vec();
        assert_eq!(data_from_bytes(page, Kind::Results), Err(FetchError::WebPage));
        assert_eq!(data_from_bytes(vec![b'{', 0xff, 0xfe, b'}'], Kind::Results), Err(FetchError::NotText));
        let huge = vec![b' '; usize::try_from(MAX_BYTES).unwrap() + 1];
        assert_eq!(data_from_bytes(huge, Kind::Index), Err(FetchError::TooLarge { bytes: MAX_BYTES + 1, limit: MAX_BYTES }));
        let truncated = br#"{"version":1,"elections":[{"id":"#.to_vec();
        assert!(matches!(data_from_bytes(truncated, Kind::Results), Err(FetchError::Data(LoadError::Syntax { .. }))));
        // A byte order mark is not an error.
        let index = "\u{feff}{}".as_bytes().to_vec();
        assert!(matches!(data_from_bytes(index, Kind::Index), Err(FetchError::Index(_))));
    }

    #[test]
    fn an_index_with_a_colour_that_is_not_a_colour_is_refused() {
        let index = |colour: &str| {
            format!(r#"{{"version":1,"elections":[],"election":"ge","seats":[],"parties":[{{"id":"a","name":"A","abbreviation":"A","colour":"{colour}"}}]}}"#)
        };
        assert!(matches!(data_from_text(&index("#e4003b"), Kind::Index), Ok(Data::Index(_))));
        let err = data_from_text(&index("red;background:url(x)"), Kind::Index).unwrap_err();
        assert_eq!(err.to_string(), "The results index could not be read: parties[0].colour: must be a hex colour such as #e4003b, found \"red;background:url(x)\"");
    }

    #[test]
    fn content_types_of_json_and_of_unknown_files_are_accepted() {
        for ok in [None, Some("application/json"), Some("application/json; charset=utf-8"), Some("Text/JSON"), Some("text/plain;charset=UTF-8"), Some("application/octet-stream"), Some("application/geo+json"), Some("")] {
            assert_eq!(check_content_type(ok), Ok(()), "{ok:?}");
        }
        assert_eq!(check_content_type(Some("text/html; charset=utf-8")), Err(FetchError::WebPage));
        let err = check_content_type(Some("image/png")).unwrap_err();
        assert_eq!(err.to_string(), "The server sent a file of type \"image/png\" instead of results data (JSON), so nothing is shown.");
    }

    #[test]
    fn a_content_length_over_the_limit_is_refused_before_reading() {
        assert_eq!(check_content_length(None, MAX_BYTES), Ok(()));
        assert_eq!(check_content_length(Some("8036"), MAX_BYTES), Ok(()));
        assert_eq!(check_content_length(Some("not a number"), MAX_BYTES), Ok(()));
        assert!(check_content_length(Some("8036"), 8000).is_err(), "an embed's lower limit");
        assert_eq!(Limits::from_attributes(Some("5"), Some("200")), Limits { timeout_ms: 5000, max_bytes: 200_000 });
        assert_eq!(Limits::from_attributes(Some("0"), Some("lots")), Limits::default());
        let err = check_content_length(Some("52428800"), MAX_BYTES).unwrap_err();
        assert_eq!(err.to_string(), "The results file is too large to load (52.4 MB; the widget's limit is 5 MB).");
    }

    #[test]
    fn messages_in_a_readers_words() {
        let status = |status| FetchError::Status { status, url: "data/seats/E1.json".into() }.to_string();
        assert_eq!(status(404), "The results were not found: the server answered 404 for data/seats/E1.json. Is the address right?");
        assert_eq!(status(500), "The results server had a problem (error 500 for data/seats/E1.json). Try again in a moment.");
        assert_eq!(status(503), "The results server had a problem (error 503 for data/seats/E1.json). Try again in a moment.");
        assert!(status(403).contains("refused access"));
        assert!(status(418).contains("answered 418"));
        assert_eq!(FetchError::Timeout { timeout_ms: TIMEOUT_MS }.to_string(), "The results server did not answer within 15 seconds.");
        assert_eq!(FetchError::Timeout { timeout_ms: 800 }.to_string(), "The results server did not answer within 1 second.");
    }
}
