//! Component tests in headless Chromium: the widget rendered into a real document,
//! with the shipped data, driven by real DOM clicks. Nothing sleeps: each test waits
//! for a condition, yielding to the browser between looks.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::rc::Rc;

use results_widget::fetch::{seat_from_text, LoadedSeat};
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

fn loaded() -> Rc<LoadedSeat> {
    Rc::new(seat_from_text(SHIPPED, "E14001086", None).unwrap())
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
    (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .map(|n| n.text_content().unwrap_or_default().trim().to_string())
        .collect()
}

fn press(host: &Element, label: &str) {
    let buttons = host.query_selector_all("th button").unwrap();
    let button = (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .find(|b| b.text_content().unwrap_or_default().contains(label))
        .unwrap();
    button.dyn_into::<HtmlElement>().unwrap().click();
}

fn props(host: &Element, src: &str, data: Option<Rc<LoadedSeat>>) -> WidgetProps {
    WidgetProps { src: src.to_string().into(), seat: "E14001086".into(), election: None, host: Some(host.clone()), instance: 7, data }
}

#[wasm_bindgen_test]
async fn renders_the_result_table_and_chart() {
    let host = host();
    yew::Renderer::<Widget>::with_root_and_props(host.clone(), props(&host, "", Some(loaded()))).render();
    wait_until("the table", || host.query_selector("tbody tr").unwrap().is_some()).await;
    wait_until("data-state=ready", || host.get_attribute("data-state").as_deref() == Some("ready")).await;

    assert_eq!(texts(&host, "tbody tr").len(), 11);
    let first_row = texts(&host, "tbody tr:first-child td");
    assert_eq!(first_row, ["Labour", "15,896", "34.1%"]);
    assert!(texts(&host, ".rw-summary")[0].contains("Lab hold"));
    assert!(texts(&host, ".rw-summary")[0].contains("Majority 1,689 (3.6% of valid votes)"));

    let svg = host.query_selector("svg[role=img]").unwrap().unwrap();
    assert_eq!(svg.query_selector_all("rect").unwrap().length(), 11);
    let title = host.query_selector("#rw7-chart-title").unwrap().unwrap();
    assert!(title.text_content().unwrap().contains("Bethnal Green and Stepney"));
    assert_eq!(svg.get_attribute("aria-labelledby").as_deref(), Some("rw7-chart-title"));
}

#[wasm_bindgen_test]
async fn sort_buttons_reorder_rows_and_set_aria_sort() {
    let host = host();
    yew::Renderer::<Widget>::with_root_and_props(host.clone(), props(&host, "", Some(loaded()))).render();
    wait_until("the table", || host.query_selector("tbody tr").unwrap().is_some()).await;
    let votes_th = || host.query_selector("th[aria-sort]").unwrap().unwrap();
    assert_eq!(votes_th().get_attribute("aria-sort").as_deref(), Some("descending"));

    press(&host, "Votes");
    wait_until("ascending votes", || texts(&host, "tbody th")[0] == "Jon Mabbutt").await;
    assert_eq!(votes_th().get_attribute("aria-sort").as_deref(), Some("ascending"));

    press(&host, "Party");
    wait_until("sorted by party", || texts(&host, "tbody td.rw-party")[0] == "Animal Welfare Party").await;
    // Four independents tie on party; they keep their order by votes.
    let names = texts(&host, "tbody th");
    let independents: Vec<_> = names.iter().filter(|n| ["Ajmal Masroor", "Sham Uddin", "Md Somon Ahmed", "Reggie Adams"].contains(&n.as_str())).collect();
    assert_eq!(independents, ["Ajmal Masroor", "Sham Uddin", "Md Somon Ahmed", "Reggie Adams"]);
    assert_eq!(host.query_selector_all("th[aria-sort]").unwrap().length(), 1);
}

#[wasm_bindgen_test]
async fn a_failed_fetch_shows_a_message_and_a_retry() {
    let host = host();
    yew::Renderer::<Widget>::with_root_and_props(host.clone(), props(&host, "no-such-directory/", None)).render();
    wait_until("data-state=error", || host.get_attribute("data-state").as_deref() == Some("error")).await;
    let message = texts(&host, "[role=alert] p").join(" ");
    assert!(message.contains("the server answered 404"), "{message}");
    assert!(host.query_selector("button.rw-retry").unwrap().is_some());
}
