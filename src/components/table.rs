//! Every table the views show: a caption, a header row of sort buttons, and body
//! rows in the order the reader chose.
//!
//! A short table's rows are the core's typed rows (`results_core::view::Row`),
//! drawn here with `html!` and keyed, so that a sort moves them. The national
//! seats table (650 rows) is the one fast path: its rows are markup from the core
//! (`SafeHtml`), put into the page once per data change; a sort or a filter then
//! moves the rows already there, or leaves some out, instead of building them
//! again. That keeps it within a frame, with every row still in the DOM for screen
//! readers and find-in-page.

#[cfg(not(feature = "ssr"))]
use std::rc::Rc;

use results_core::html::SafeHtml;
use results_core::view::{Cell, Mark, Row};
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew::virtual_dom::{AttributeOrProperty, Attributes, VTag};

pub use crate::state::Shared;

/// A short table: a caption, the header row (sort buttons, see `views`), and the
/// core's typed rows in `order` (indices into `rows`), each keyed by its place in
/// the data so that a sort moves rows rather than redrawing them.
pub fn table(caption: String, head: Html, rows: &[Row], order: &[usize]) -> Html {
    html! {
        <div class="rw-table-wrap">
            <table class="rw-table">
                <caption>{ caption }</caption>
                <thead>{ head }</thead>
                <tbody>{ for order.iter().filter_map(|&i| Some(row(rows.get(i)?, i))) }</tbody>
            </table>
        </div>
    }
}

/// The seats table's `<tbody>` elements, which the widget makes and fills itself: Yew
/// places them (as references to nodes, each keyed) and never looks inside. There
/// are as many as the rows need when every row shows; a filter leaves the last ones
/// empty (and the styles hide an empty one). The same bodies stay while their
/// number does; a new number makes all new ones, under new keys, so that Yew's
/// keyed matching (documented, unlike how it matches a list without keys) puts
/// each where it belongs.
#[cfg(not(feature = "ssr"))]
#[derive(Default)]
struct Bodies {
    bodies: Vec<web_sys::Element>,
    /// Counts the sets of bodies made: part of each body's key.
    made: u32,
    rows: Option<Shared<Vec<SafeHtml>>>,
    group: usize,
    nodes: Vec<web_sys::Element>,
    order: Vec<usize>,
}

#[cfg(not(feature = "ssr"))]
impl Bodies {
    /// Brings the bodies up to date with `rows` in `order`, `group` rows to a body,
    /// and returns them. New rows are parsed once, into a body not yet in the page,
    /// and moved into the bodies there (which keep the heights the browser remembers
    /// for them: a live update does not make a scrolled list jump); a new order moves
    /// the rows already made.
    fn update(&mut self, rows: &Shared<Vec<SafeHtml>>, order: &[usize], group: usize) -> Html {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return Html::default() };
        let new_body = || document.create_element("tbody").ok();
        let mut moved = false;
        if self.rows.as_ref() != Some(rows) || self.group != group {
            if let Some(parsed) = new_body() {
                super::markup::set_markup(&parsed, &SafeHtml::concat(rows.0.iter()));
                let children = parsed.children();
                self.nodes = (0..children.length()).filter_map(|i| children.item(i)).collect();
                let count = self.nodes.len().div_ceil(group).max(1);
                if count != self.bodies.len() {
                    self.bodies = std::iter::once(parsed).chain((1..count).filter_map(|_| new_body())).collect();
                    self.made = self.made.wrapping_add(1);
                }
            }
            self.rows = Some(rows.clone());
            self.group = group;
            moved = true;
        }
        if moved || self.order != order {
            let mut rest = order.iter().filter_map(|&i| self.nodes.get(i));
            for body in &self.bodies {
                let list = js_sys::Array::new();
                for node in rest.by_ref().take(group) {
                    list.push(node);
                }
                body.replace_children_with_node(&list);
            }
            self.order = order.to_vec();
        }
        let made = u64::from(self.made) << 32;
        self.bodies
            .iter()
            .zip(0u64..)
            .map(|(body, i)| Html::VList(Rc::new(yew::virtual_dom::VList::with_children(vec![Html::VRef(body.clone().into())], Some((made | i).into())))))
            .collect()
    }
}

/// The national seats table: the core's markup for every seat (`rows`, in the
/// index's order) shown in `order`, `group` rows to a `<tbody>` (with
/// `content-visibility` on each, see the styles, the browser lays out a group out of
/// view as one box rather than row by row, which keeps a 650-row sort within a
/// frame). It scrolls within a box of its own, laid out by the styles for
/// `.rw-seats`; a press on a seat's button is `on_code` with its `data-code`.
#[hook]
pub fn use_seats_table(caption: String, head: Html, rows: &Shared<Vec<SafeHtml>>, order: &[usize], group: usize, on_code: Callback<String>) -> Html {
    let onclick = Callback::from(move |e: MouseEvent| {
        if let Some(code) = code_at(e.target()) {
            on_code.emit(code);
        }
    });
    // The rows in their bodies, made in the render rather than after it: the table
    // is whole in the page when the render is done, so no frame is drawn without its
    // rows (Yew may let the browser draw one between a render and its effects).
    #[cfg(not(feature = "ssr"))]
    let bodies = use_mut_ref(Bodies::default).borrow_mut().update(rows, order, group);
    #[cfg(feature = "ssr")]
    let bodies = server_bodies(rows, order, order.len().div_ceil(group).max(1));
    html! {
        <div class="rw-table-wrap rw-seats">
            <table class="rw-table" {onclick}>
                <caption>{ caption }</caption>
                <thead>{ head }</thead>
                { bodies }
            </table>
        </div>
    }
}

/// Rendered on a server (no DOM) the rows go straight into the HTML.
#[cfg(feature = "ssr")]
fn server_bodies(rows: &Shared<Vec<SafeHtml>>, order: &[usize], groups: usize) -> Html {
    let rows = SafeHtml::concat(order.iter().filter_map(|&i| rows.0.get(i)));
    html! {
        <>
            <tbody>{ super::markup::markup(&rows) }</tbody>
            { for (1..groups).map(|_| html! { <tbody /> }) }
        </>
    }
}

/// A header row made by the core (`Mark::Head`), whose every cell heads a column.
pub fn head(cells: &Row) -> Html {
    row(cells, 0)
}

/// A typed row, keyed by its place in the data: its first cell is the row's header
/// (or, in a header row, every cell heads a column).
/// Elements are made here rather than with `html!`, which would bring in Yew's
/// class-list code for a class that comes from the data (a party's colour), and
/// measured larger for the rest.
fn row(row: &Row, key: usize) -> Html {
    let mut tr = element("tr", match row.mark {
        Mark::Plain | Mark::Head => None,
        Mark::Elected => Some("rw-elected".into()),
        Mark::Estimate => Some("rw-notional".into()),
    });
    tr.key = Some(key.into());
    for (i, cell) in row.cells.iter().enumerate() {
        let mut td = match cell {
            _ if row.mark == Mark::Head => {
                let mut th = VTag::new("th");
                th.set_attributes(Attributes::Static(&[("scope", AttributeOrProperty::Static("col"))]));
                th
            }
            _ if i == 0 => {
                let mut th = VTag::new("th");
                th.set_attributes(Attributes::Static(&[("scope", AttributeOrProperty::Static("row"))]));
                th
            }
            Cell::Figure(_) | Cell::List(..) => element("td", Some("rw-num".into())),
            Cell::Party { .. } => element("td", Some("rw-party".into())),
            Cell::Text(..) => element("td", None),
        };
        td.add_child(match cell {
            Cell::Text(text, None) | Cell::Figure(text) => html! { { text } },
            Cell::Text(text, Some(note)) => html! { <>{ text }<span class="rw-note">{ " " }{ note }</span></> },
            Cell::List(figure, list) => html! { <details><summary>{ figure }</summary><p class="rw-list">{ list }</p></details> },
            Cell::Party { name, swatch } => {
                // The square is the label's `::before` (see the styles).
                let mut label = element("span", Some(format!("rw-party-label {swatch}").into()));
                label.add_child(html! { { name } });
                label.into()
            }
        });
        tr.add_child(td.into());
    }
    tr.into()
}

/// An element with a class, or none. Its attributes are a list of one with a
/// fixed name, as `html!` makes them (`VTag::add_attribute` would bring in a map).
pub fn element(name: &'static str, class: Option<AttrValue>) -> VTag {
    let mut tag = VTag::new(name);
    if let Some(class) = class {
        tag.set_attributes(Attributes::Dynamic { keys: &["class"], values: Box::new([Some(AttributeOrProperty::Attribute(class))]) });
    }
    tag
}

/// The `data-code` of the element an event came from, or of its nearest ancestor
/// with one: one handler serves every row (or hex) that opens a seat.
/// (A target that is no element has no `closest`: the call fails, and that is no
/// code, so its type needs no check of its own.)
pub fn code_at(target: Option<web_sys::EventTarget>) -> Option<String> {
    target
        .map(JsCast::unchecked_into::<web_sys::Element>)
        .and_then(|e| e.closest("[data-code]").ok().flatten())
        .and_then(|e| e.get_attribute("data-code"))
}
