//! Component tests in headless Chromium: the widget rendered into a real document,
//! with the shipped data, driven by real DOM clicks. Nothing sleeps: each test waits
//! for a condition, yielding to the browser between looks.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::rc::Rc;

use results_core::{Route, View};
use results_widget::fetch::{data_from_text, Data, Kind};
use results_widget::{Widget, WidgetProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const SHIPPED: &str = include_str!("../data/seats/E14001086.json");

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn host() -> Element {
    let host = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    host
}

fn preloaded() -> Rc<Vec<(String, Data)>> {
    Rc::new(vec![("data/seats/E14001086.json".to_string(), data_from_text(SHIPPED, Kind::Results).unwrap())])
}

/// Yields to the browser until `check` holds; fails after five seconds.
async fn wait_until(what: &str, check: impl Fn() -> bool) {
    let start = js_sys::Date::now();
    while !check() {
        assert!(js_sys::Date::now() - start < 5000.0, "timed out waiting for {what}");
        gloo_timers::future::TimeoutFuture::new(10).await;
    }
}

fn texts(host: &Element, selector: &str) -> Vec<String> {
    let nodes = host.query_selector_all(selector).unwrap();
    (0..nodes.length()).filter_map(|i| nodes.item(i)).map(|n| n.text_content().unwrap_or_default().trim().to_string()).collect()
}

fn press(host: &Element, selector: &str, label: &str) {
    let buttons = host.query_selector_all(selector).unwrap();
    let button = (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .find(|b| b.text_content().unwrap_or_default().contains(label))
        .unwrap_or_else(|| panic!("no {selector} with {label}"));
    button.dyn_into::<HtmlElement>().unwrap().click();
}

fn mount(host: &Element, src: &str, view: View, preloaded: Option<Rc<Vec<(String, Data)>>>) {
    let props = WidgetProps {
        src: src.to_string().into(),
        route: Route { view, seats: vec!["E14001086".into()], ..Route::default() },
        host: Some(host.clone()),
        instance: 7,
        sync_url: false,
        preloaded,
        limits: Default::default(),
        takeover: None,
        locale: Default::default(),
        embed_error: None,
        handover: None,
        versions: Default::default(),
        width: None,
        first: None,
    };
    yew::Renderer::<Widget>::with_root_and_props(host.clone(), props).render();
}

#[wasm_bindgen_test]
async fn renders_the_result_table_and_chart() {
    let host = host();
    mount(&host, "data/", View::Result, Some(preloaded()));
    wait_until("data-state=ready", || host.get_attribute("data-state").as_deref() == Some("ready")).await;
    wait_until("the table", || host.query_selector("tbody tr").unwrap().is_some()).await;

    assert_eq!(texts(&host, "tbody tr").len(), 11);
    let first_row = texts(&host, "tbody tr:first-child td");
    assert_eq!(first_row, ["Labour", "15,896", "34.1%", "\u{2212}39.4"]);
    let summary = texts(&host, ".rw-summary")[0].clone();
    assert!(summary.contains("Lab hold") && summary.contains("Majority 1,689 (3.6% of valid votes)"), "{summary}");

    let svg = host.query_selector("svg[role=img]").unwrap().unwrap();
    assert_eq!(svg.query_selector_all("rect").unwrap().length(), 11);
    let title = host.query_selector("#rw7-chart-title").unwrap().unwrap();
    assert!(title.text_content().unwrap().contains("Bethnal Green and Stepney"));
    assert_eq!(svg.get_attribute("aria-labelledby").as_deref(), Some("rw7-chart-title"));
}

#[wasm_bindgen_test]
async fn sort_buttons_reorder_rows_and_set_aria_sort() {
    let host = host();
    mount(&host, "data/", View::Result, Some(preloaded()));
    wait_until("the table", || host.query_selector("tbody tr").unwrap().is_some()).await;
    let sorted_th = || host.query_selector("th[aria-sort]").unwrap().unwrap();
    assert_eq!(sorted_th().get_attribute("aria-sort").as_deref(), Some("descending"));

    press(&host, "th button", "Votes");
    wait_until("ascending votes", || texts(&host, "tbody th")[0] == "Jon Mabbutt").await;
    assert_eq!(sorted_th().get_attribute("aria-sort").as_deref(), Some("ascending"));

    press(&host, "th button", "Party");
    wait_until("sorted by party", || texts(&host, "tbody td.rw-party")[0] == "Animal Welfare Party").await;
    // Four independents tie on party; they keep their order by votes.
    let names = texts(&host, "tbody th");
    let independents: Vec<_> = names.iter().filter(|n| ["Ajmal Masroor", "Sham Uddin", "Md Somon Ahmed", "Reggie Adams"].contains(&n.as_str())).collect();
    assert_eq!(independents, ["Ajmal Masroor", "Sham Uddin", "Md Somon Ahmed", "Reggie Adams"]);
    assert_eq!(host.query_selector_all("th[aria-sort]").unwrap().length(), 1);
}

#[wasm_bindgen_test]
async fn the_history_view_goes_back_to_2005() {
    let host = host();
    mount(&host, "data/", View::History, Some(preloaded()));
    wait_until("the history table", || texts(&host, "tbody tr").len() == 7).await;
    let years = texts(&host, "tbody th");
    // 2019 twice: on the new boundaries (notional), and the predecessor's count.
    assert_eq!(years, ["2024", "2019 (notional)", "2019", "2017", "2015", "2010", "2005"]);
    let respect = texts(&host, "tbody tr:last-child td");
    assert_eq!(respect[1], "G. Galloway");
    assert_eq!(respect[2], "Respect");
    assert!(host.query_selector("svg[role=img] title").unwrap().unwrap().text_content().unwrap().contains("Vote share by election"));
}

#[wasm_bindgen_test]
async fn tabs_move_between_views_and_keep_the_sort() {
    let host = host();
    mount(&host, "data/", View::Result, Some(preloaded()));
    wait_until("the table", || host.query_selector("tbody tr").unwrap().is_some()).await;
    press(&host, "th button", "Votes");
    wait_until("ascending votes", || texts(&host, "tbody th")[0] == "Jon Mabbutt").await;
    press(&host, ".rw-tab", "History");
    wait_until("the history", || texts(&host, "tbody th").first().map(String::as_str) == Some("2024")).await;
    assert_eq!(host.query_selector("[aria-current=page]").unwrap().unwrap().text_content().unwrap(), "History");
    press(&host, ".rw-tab", "Result");
    wait_until("the result again", || texts(&host, "tbody th").first().map(String::as_str) == Some("Jon Mabbutt")).await;
}

#[wasm_bindgen_test]
async fn a_failed_fetch_shows_a_message_and_a_retry() {
    let host = host();
    mount(&host, "no-such-directory/", View::Result, None);
    wait_until("data-state=error", || host.get_attribute("data-state").as_deref() == Some("error")).await;
    let message = texts(&host, "[role=alert] p").join(" ");
    assert!(message.contains("the server answered 404"), "{message}");
    assert!(host.query_selector("button.rw-retry").unwrap().is_some());
}

#[wasm_bindgen_test]
fn the_browser_says_how_a_locale_writes_numbers() {
    use results_widget::locale::from_attributes;
    let de = from_attributes(Some("de-DE"), None).unwrap();
    assert_eq!((de.numbers.thousands(28_809_340), de.numbers.percent(0.341)), ("28.809.340".to_string(), "34,1\u{a0}%".to_string()));
    let fr = from_attributes(Some("fr-FR"), None).unwrap();
    assert_eq!(fr.numbers.thousands(15_896), "15\u{202f}896");
    let gb = from_attributes(None, Some(r#"{"column.votes": "Pleidleisiau"}"#)).unwrap();
    assert_eq!((gb.numbers.percent(0.036), gb.text(results_core::locale::Label::ColumnVotes)), ("3.6%".to_string(), "Pleidleisiau"));
    assert!(from_attributes(Some("en_GB!"), None).unwrap_err().contains("not a language tag"));

    assert!(from_attributes(None, Some("[1]")).unwrap_err().contains("must be a JSON object"));
}
