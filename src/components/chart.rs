use std::rc::Rc;

use results_core::chart::{bar_chart_svg, layout, stacked_chart_svg, BarChart, StackedChart};
use yew::prelude::*;

/// A chart, computed in the core, ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub enum ChartSpec {
    Bars(BarChart),
    Stacked(StackedChart),
}

#[derive(Properties, PartialEq)]
pub struct ChartFrameProps {
    pub spec: Rc<ChartSpec>,
    /// Unique on the page: names the chart's title and description.
    pub id: AttrValue,
    /// The widget's width in CSS pixels, once it is laid out (the chart is drawn at
    /// the default width until then).
    #[prop_or_default]
    pub width: Option<u32>,
}

/// Draws a chart as SVG at the widget's width (so its text stays 14 px) and places
/// it.
#[component]
pub fn ChartFrame(props: &ChartFrameProps) -> Html {
    let width = props.width.unwrap_or(layout::WIDTH);
    let svg = use_memo((props.spec.clone(), props.id.clone(), width), |(spec, id, width)| match &**spec {
        ChartSpec::Bars(chart) => bar_chart_svg(chart, id, *width),
        ChartSpec::Stacked(chart) => stacked_chart_svg(chart, id, *width),
    });
    // The SVG is built by the core, which escapes every string it writes.
    html! {
        <figure class="rw-chart">
            { Html::from_html_unchecked(AttrValue::from((*svg).clone())) }
        </figure>
    }
}
