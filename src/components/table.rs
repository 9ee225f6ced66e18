//! A table whose body rows are markup from the core (`results_core::html::SafeHtml`).
//!
//! The rows go into the page once per data change. A sort or a filter then moves
//! the rows already there, or leaves some out, instead of building them again: that
//! keeps a 650-row table within a frame, with every row still in the DOM for screen
//! readers and find-in-page.

use std::rc::Rc;

use results_core::html::SafeHtml;
use wasm_bindgen::JsCast;
use yew::prelude::*;

pub use crate::state::Shared;

/// Rows of markup in the data's order: the same rows are never put in twice.
pub type Rows = Shared<Vec<SafeHtml>>;

impl From<Vec<SafeHtml>> for Rows {
    fn from(rows: Vec<SafeHtml>) -> Rows {
        Shared(Rc::new(rows))
    }
}

impl yew::html::IntoPropValue<Rows> for Vec<SafeHtml> {
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
    fn update(&mut self, rows: &Rows, order: &[usize], group: usize) -> Html {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return Html::default() };
        let new_body = || document.create_element("tbody").ok();
        let mut moved = false;
        // Rows compared by their text, not by which list holds them: a view that
        // builds its rows again at each render (a seat's eleven candidates) does not
        // make the browser parse them again.
        if self.rows.as_ref().is_none_or(|kept| kept != rows && kept.0 != rows.0) || self.group != group {
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
    let bodies: Html = use_mut_ref(Bodies::default).borrow_mut().update(&props.rows, &props.order, group);
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
    let rows = SafeHtml::concat(props.order.iter().filter_map(|&i| props.rows.0.get(i)));
    html! {
        <>
            <tbody>{ super::markup::markup(&rows) }</tbody>
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
