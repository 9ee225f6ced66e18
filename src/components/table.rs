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

/// What is in the page's `<tbody>` elements now.
#[derive(Default)]
struct Shown {
    bodies: Vec<web_sys::Element>,
    rows: Option<Rows>,
    nodes: Vec<web_sys::Element>,
    order: Vec<usize>,
}

#[component]
pub fn Table(props: &TableProps) -> Html {
    let table = use_node_ref();
    let shown = use_mut_ref(Shown::default);
    let group = props.group.unwrap_or(usize::MAX).max(1);
    let groups = props.order.len().div_ceil(group).max(1);
    {
        let (table, shown, rows, order) = (table.clone(), shown.clone(), props.rows.clone(), props.order.clone());
        // After every render, and cheap when nothing changed: new rows are put in
        // once; a new order (or new groups) moves the rows already there.
        use_effect(move || {
            let Some(table) = table.cast::<web_sys::Element>() else { return };
            let children = table.children();
            let bodies: Vec<web_sys::Element> = (0..children.length()).filter_map(|i| children.item(i)).filter(|c| c.tag_name() == "TBODY").collect();
            let Some(first) = bodies.first() else { return };
            let mut shown = shown.borrow_mut();
            if shown.rows.as_ref() != Some(&rows) {
                first.set_inner_html(&rows.0.concat());
                let children = first.children();
                shown.nodes = (0..children.length()).filter_map(|i| children.item(i)).collect();
                shown.order = (0..shown.nodes.len()).collect();
                shown.rows = Some(rows);
                shown.bodies.clear();
            }
            if shown.bodies != bodies || shown.order != *order {
                let mut rest = order.iter().filter_map(|&i| shown.nodes.get(i));
                for body in &bodies {
                    let list = js_sys::Array::new();
                    for node in rest.by_ref().take(group) {
                        list.push(node);
                    }
                    body.replace_children_with_node(&list);
                }
                shown.order = order.to_vec();
                shown.bodies = bodies;
            }
        });
    }
    let onclick = props.on_code.clone().map(|on_code| {
        Callback::from(move |e: MouseEvent| {
            if let Some(code) = code_at(e.target()) {
                on_code.emit(code);
            }
        })
    });
    let table = html! {
        <table class="rw-table" ref={table} {onclick}>
            <caption>{ props.caption.clone() }</caption>
            <thead>{ props.head.clone() }</thead>
            <tbody>{ server_rows(props) }</tbody>
            { for (1..groups).map(|_| html! { <tbody /> }) }
        </table>
    };
    // Literal classes: a computed one would bring in Yew's class-list code.
    if props.seats {
        html! { <div class="rw-table-wrap rw-seats">{ table }</div> }
    } else {
        html! { <div class="rw-table-wrap">{ table }</div> }
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

/// Rendered on a server there are no effects: the rows go straight into the HTML.
#[cfg(feature = "ssr")]
fn server_rows(props: &TableProps) -> Html {
    let rows: String = props.order.iter().filter_map(|&i| props.rows.0.get(i)).map(String::as_str).collect();
    Html::from_html_unchecked(AttrValue::from(rows))
}

#[cfg(not(feature = "ssr"))]
fn server_rows(_: &TableProps) -> Html {
    Html::default()
}
