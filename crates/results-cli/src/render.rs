//! `results render`: the static HTML of any view, from the widget's own components
//! (Yew's server-side rendering), for readers without JavaScript, in-app browsers,
//! AMP and archives. An embed can hold it; the widget takes over when it is ready.

use std::path::Path;
use std::rc::Rc;

use results_core::Route;
use results_widget::fetch::{data_from_text, Data};
use results_widget::state::WidgetState;
use results_widget::{Widget, WidgetProps};

use crate::import::ImportError;
use results_core::html::escape as escape_attribute;
use results_core::locale::{Labels, Locale, Numbers};

/// The embed's words and number style, as `data-locale` and `data-labels` give them.
#[derive(Debug, Default)]
pub struct Embed {
    tag: Option<String>,
    labels_json: Option<String>,
    locale: Locale,
}

impl Embed {
    /// From a locale tag and the text of a labels file (a JSON object).
    pub fn new(tag: Option<String>, labels_json: Option<String>) -> Result<Embed, ImportError> {
        let mut locale = Locale::default();
        if let Some(tag) = &tag {
            locale.numbers = Numbers::for_tag(tag);
            locale.lang = Some(tag.clone());
        }
        let labels_json = match labels_json {
            Some(text) => {
                // Read as the widget reads `data-labels`.
                let map = results_core::load::parse_labels(&text).map_err(|e| ImportError::Invalid(vec![format!("the labels must be a JSON object of label texts: {e}")]))?;
                // One line, for the attribute.
                let line = serde_json::to_string(&map).map_err(|e| ImportError::Invalid(vec![e.to_string()]))?;
                let (labels, unknown) = Labels::new(map);
                if !unknown.is_empty() {
                    return Err(ImportError::Invalid(unknown.iter().map(|key| format!("labels: \"{key}\" is not a label the widget shows")).collect()));
                }
                locale.labels = labels;
                Some(line)
            }
            None => None,
        };
        Ok(Embed { tag, labels_json, locale })
    }
}

/// Renders `route` with the data in `dir`, which the embed will fetch from `src`.
/// Returns the host element with the rendered widget inside.
pub fn render(route: &Route, dir: &Path, src: &str, embed: &Embed) -> Result<String, ImportError> {
    let state = WidgetState::new(src.to_string(), route.clone());
    let needs = state.needs().map_err(|e| ImportError::Invalid(vec![e.to_string()]))?;
    let mut files: Vec<(String, Data)> = Vec::new();
    // The widget puts one slash after a directory, given with or without one.
    let base = if src.is_empty() { String::new() } else { format!("{}/", src.trim_end_matches('/')) };
    for (url, kind) in needs {
        let relative = url.strip_prefix(base.as_str()).unwrap_or(&url);
        let path = if src.ends_with(".json") { dir.to_path_buf() } else { dir.join(relative) };
        let text = std::fs::read_to_string(&path).map_err(|source| ImportError::Read { path: path.clone(), source })?;
        let data = data_from_text(&text, kind).map_err(|e| ImportError::Invalid(vec![format!("{}: {e}", path.display())]))?;
        files.push((url, data));
    }
    // The swatches' colours: the live widget adds these rules itself; the static
    // HTML carries them (a page with a strict style-src shows the swatches' outline only).
    let mut rules: Vec<String> = Vec::new();
    for (_, data) in &files {
        for (_, rule) in results_core::html::swatch_rules(data.parties()) {
            if !rules.contains(&rule) {
                rules.push(rule);
            }
        }
    }
    let props = WidgetProps { src: src.to_string().into(), route: route.clone(), host: None, instance: 0, sync_url: false, preloaded: Some(Rc::new(files)), limits: Default::default(), takeover: None, locale: Rc::new(embed.locale.clone()), embed_error: None, handover: None, versions: Default::default(), width: None, first: None };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| ImportError::Invalid(vec![format!("cannot start the renderer: {e}")]))?;
    let local = tokio::task::LocalSet::new();
    let inner = local.block_on(&runtime, yew::LocalServerRenderer::<Widget>::with_props(props).hydratable(false).render());
    let mut attributes = format!(" data-view=\"{}\"", route.view.as_str());
    if !route.seats.is_empty() {
        attributes.push_str(&format!(" data-seat=\"{}\"", escape_attribute(&route.seats.join(","))));
    }
    if let Some(election) = &route.election {
        attributes.push_str(&format!(" data-election=\"{}\"", escape_attribute(election)));
    }
    if let Some(tag) = &embed.tag {
        attributes.push_str(&format!(" data-locale=\"{}\"", escape_attribute(tag)));
    }
    if let Some(labels) = &embed.labels_json {
        attributes.push_str(&format!(" data-labels=\"{}\"", escape_attribute(labels)));
    }
    Ok(format!("<div data-results-widget{attributes} data-src=\"{}\" data-state=\"static\"><style>{}</style>{inner}</div>", escape_attribute(src), rules.concat()))
}

/// A whole page around a rendered widget: its styles, and the loader so that the
/// live widget takes over where JavaScript runs.
pub fn page(title: &str, widget: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<link rel=\"stylesheet\" href=\"results-widget.css\">\n</head>\n<body>\n{widget}\n<script type=\"module\" src=\"results-widget.js\"></script>\n</body>\n</html>\n",
        escape_attribute(title)
    )
}
