//! A table whose body rows are HTML text from the core (`results_core::html`).
//!
//! The rows go into the page once per data change. A sort or a filter then moves
//! the rows already there, or leaves some out, instead of building them again: that
//! keeps a 650-row table within a frame, with every row still in the DOM for screen
//! readers and find-in-page.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

pub use crate::state::Shared;

/// Rows of HTML in the data's order: the same rows are never put in twice.
pub type Rows = Shared<Vec<String>>;

impl From<Vec<String>> for Rows {
    fn from(rows: Vec<String>) -> Rows {
        Shared(Rc::new(rows))
    }
}

impl yew::html::IntoPropValue<Rows> for Vec<String> {
    fn into_prop_value(self) -> Rows {
        Rows::from(self)
    }
}

#[derive(Properties, PartialEq)]
pub struct TableProps {
    pub caption: AttrValue,
    /// The header row's cells.
    pub head: Html,
    pub rows: Rows,
    /// Which rows show, in which order: indices into `rows`.
    pub order: Rc<Vec<usize>>,
    /// Rows per `<tbody>`, for a long table: with `content-visibility` on each (see
    /// the styles), the browser lays out a group out of view as one box rather than
    /// row by row, which keeps a 650-row sort within a frame.
    #[prop_or_default]
    pub group: Option<usize>,
    /// The national seats table, which scrolls within a box of its own and is laid
    /// out by the styles for `.rw-seats`.
    #[prop_or_default]
    pub seats: bool,
    /// A press on a button in a row that carries `data-code`.
    #[prop_or_default]
    pub on_code: Option<Callback<String>>,
}

/// The table's `<tbody>` elements, which the widget makes and fills itself: Yew
/// places them (as references to nodes) and never looks inside. There are as many
/// as the rows need when every row shows; a filter leaves the last ones empty (and
/// the styles hide an empty one). Yew matches a list of references from its end, so
/// a body keeps its place for as long as it is in the list: the same bodies while
/// their number stays, all new ones when it changes.
#[cfg(not(feature = "ssr"))]
#[derive(Default)]
struct Bodies {
    bodies: Vec<web_sys::Element>,
    rows: Option<Rows>,
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
    fn update(&mut self, rows: &Rows, order: &[usize], group: usize) -> Vec<web_sys::Element> {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return Vec::new() };
        let new_body = || document.create_element("tbody").ok();
        let mut moved = false;
        if self.rows.as_ref() != Some(rows) || self.group != group {
            if let Some(parsed) = new_body() {
                parsed.set_inner_html(&rows.0.concat());
                let children = parsed.children();
                self.nodes = (0..children.length()).filter_map(|i| children.item(i)).collect();
                let count = self.nodes.len().div_ceil(group).max(1);
                if count != self.bodies.len() {
                    self.bodies = std::iter::once(parsed).chain((1..count).filter_map(|_| new_body())).collect();
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
        self.bodies.clone()
    }
}

#[component]
pub fn Table(props: &TableProps) -> Html {
    let group = props.group.unwrap_or(usize::MAX).max(1);
    let onclick = props.on_code.clone().map(|on_code| {
        Callback::from(move |e: MouseEvent| {
            if let Some(code) = code_at(e.target()) {
                on_code.emit(code);
            }
        })
    });
    // The rows in their bodies, made in the render rather than after it: the table
    // is whole in the page when the render is done, so no frame is drawn without its
    // rows (Yew may let the browser draw one between a render and its effects).
    #[cfg(not(feature = "ssr"))]
    let bodies: Html = {
        let made = use_mut_ref(Bodies::default);
        let bodies = made.borrow_mut().update(&props.rows, &props.order, group);
        bodies.into_iter().map(|body| Html::VRef(body.into())).collect()
    };
    #[cfg(feature = "ssr")]
    let bodies = server_bodies(props, props.order.len().div_ceil(group).max(1));
    let table = html! {
        <table class="rw-table" {onclick}>
            <caption>{ props.caption.clone() }</caption>
            <thead>{ props.head.clone() }</thead>
            { bodies }
        </table>
    };
    // Literal classes: a computed one would bring in Yew's class-list code.
    if props.seats {
        html! { <div class="rw-table-wrap rw-seats">{ table }</div> }
    } else {
        html! { <div class="rw-table-wrap">{ table }</div> }
    }
}

/// Rendered on a server (no DOM) the rows go straight into the HTML.
#[cfg(feature = "ssr")]
fn server_bodies(props: &TableProps, groups: usize) -> Html {
    let rows: String = props.order.iter().filter_map(|&i| props.rows.0.get(i)).map(String::as_str).collect();
    html! {
        <>
            <tbody>{ Html::from_html_unchecked(AttrValue::from(rows)) }</tbody>
            { for (1..groups).map(|_| html! { <tbody /> }) }
        </>
    }
}

/// The `data-code` of the element an event came from, or of its nearest ancestor
/// with one: one handler serves every row (or hex) that opens a seat.
pub fn code_at(target: Option<web_sys::EventTarget>) -> Option<String> {
    target
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("[data-code]").ok().flatten())
        .and_then(|e| e.get_attribute("data-code"))
}
