//! A chart, computed in the core (`results_core::chart`), placed as SVG.

use results_core::chart::{bar_chart_svg, house_svg, layout, stacked_chart_svg, BarChart, StackedChart};
use results_core::story::House;
use yew::prelude::*;

/// A chart, computed in the core, ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub enum ChartSpec {
    Bars(BarChart),
    Stacked(StackedChart),
    House(std::rc::Rc<House>),
}

/// Draws a chart as SVG at the widget's width (so its text stays 14 px; the default
/// width until the widget is laid out) and places it. The widget's `id` and the
/// chart's `part` ("chart", "house-chart") make its id, unique on the page, which
/// names the chart's title and description.
///
/// A function, not a component: the SVG is drawn again at each render of the view
/// (a few kilobytes of text, in microseconds), and Yew compares it with the one in
/// the page and leaves the page alone when it is the same. A component that kept it
/// (props compared, the SVG memoised) cost 0.6 KB gzip of code.
pub fn chart_frame(spec: &ChartSpec, id: &str, part: &str, width: Option<u32>) -> Html {
    let id = &crate::views::part_id(id, part);
    let width = width.unwrap_or(layout::WIDTH);
    let svg = match spec {
        ChartSpec::Bars(chart) => bar_chart_svg(chart, id, width),
        ChartSpec::Stacked(chart) => stacked_chart_svg(chart, id, width),
        ChartSpec::House(house) => house_svg(house, id, width),
    };
    html! { <figure class="rw-chart">{ super::markup::markup(&svg) }</figure> }
}
