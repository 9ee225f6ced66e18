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
    /// The widget's width in CSS pixels, once it is in the page: the chart is drawn
    /// at it the first time, rather than again when the effect below measures it.
    #[prop_or_default]
    pub width: Option<u32>,
}

/// Draws a chart as SVG at the width of its container (so its text stays 14 px),
/// again when the window is resized, and places it.
#[component]
pub fn ChartFrame(props: &ChartFrameProps) -> Html {
    let figure = use_node_ref();
    let width = use_state_eq(|| props.width.unwrap_or(layout::WIDTH));
    {
        let (figure, width) = (figure.clone(), width.clone());
        use_effect_with((), move |()| {
            let measure = move || {
                if let Some(element) = figure.cast::<web_sys::Element>() {
                    let measured = element.client_width();
                    if measured > 0 {
                        width.set(measured as u32);
                    }
                }
            };
            measure();
            let listener = web_sys::window().map(|window| gloo_events::EventListener::new(&window, "resize", move |_| measure()));
            move || drop(listener)
        });
    }
    let svg = use_memo((props.spec.clone(), props.id.clone(), *width), |(spec, id, width)| match &**spec {
        ChartSpec::Bars(chart) => bar_chart_svg(chart, id, *width),
        ChartSpec::Stacked(chart) => stacked_chart_svg(chart, id, *width),
    });
    match &*svg {
        // The SVG is built by the core, which escapes every string it writes.
        Ok(svg) => html! {
            <figure class="rw-chart" ref={figure}>
                { Html::from_html_unchecked(AttrValue::from(svg.clone())) }
            </figure>
        },
        Err(err) => html! { <p class="rw-error" ref={figure}>{ err.to_string() }</p> },
    }
}
