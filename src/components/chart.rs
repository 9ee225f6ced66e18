use std::rc::Rc;

use results_core::chart::{bar_chart_svg, layout, BarChart};
use yew::prelude::*;

use crate::fetch::LoadedSeat;

#[derive(Properties, PartialEq)]
pub struct BarChartProps {
    pub loaded: Rc<LoadedSeat>,
    /// Unique on the page: names the chart's title and description.
    pub id: AttrValue,
}

/// The vote-share bar chart, drawn by the core as SVG at the width of its
/// container (so its text stays 14 px) and placed here.
#[component]
pub fn BarChartView(props: &BarChartProps) -> Html {
    let figure = use_node_ref();
    let width = use_state_eq(|| layout::WIDTH);
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
            let listener = web_sys::window()
                .map(|window| gloo_events::EventListener::new(&window, "resize", move |_| measure()));
            move || drop(listener)
        });
    }
    let svg = use_memo((props.loaded.clone(), props.id.clone(), *width), |(loaded, id, width)| {
        bar_chart_svg(&BarChart::vote_share(&loaded.result), id, *width)
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
