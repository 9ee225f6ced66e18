//! The one place where text goes into the page as markup: the core's `SafeHtml`
//! (long tables' rows, the hex map, charts' SVG), which only the core's escaping
//! builders can make (`results_core::html`). Everything else the widget shows is
//! `html!`, and nothing but a `SafeHtml` reaches these functions.

use results_core::html::SafeHtml;
use yew::prelude::*;

/// Markup as a node of `html!`: a chart's SVG, or (on a server) a table's rows
/// or the hex map.
pub fn markup(html: &SafeHtml) -> Html {
    Html::from_html_unchecked(AttrValue::from(html.to_string()))
}

/// Puts `html` into `element` in place of what it held: an element the widget made
/// itself, which Yew places and never looks inside.
pub fn set_markup(element: &web_sys::Element, html: &SafeHtml) {
    element.set_inner_html(html);
}
