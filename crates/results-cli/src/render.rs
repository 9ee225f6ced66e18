//! `results render`: the static HTML of any view, from the widget's own components
//! (Yew's server-side rendering), for readers without JavaScript, in-app browsers,
//! AMP and archives. An embed can hold it; the widget takes over when it is ready.

use std::path::Path;
use std::rc::Rc;

use results_core::Route;
use results_widget::fetch::{data_from_text, Data, Kind};
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

    /// The words and number style.
    pub fn locale(&self) -> &Locale {
        &self.locale
    }
}

/// Renders `route` with the data in `dir`, which the embed will fetch from `src`.
/// Returns the host element with the rendered widget inside. The party colours come
/// from `colours` (a stylesheet's URL as the page will fetch it), or else from the
/// data's own `colours.css` (see [`colours`]), found at or above `dir`.
pub fn render(route: &Route, dir: &Path, src: &str, embed: &Embed, colours: Option<&str>) -> Result<String, ImportError> {
    let inner = static_copy(route, dir, src, embed, colours, 0)?;
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
    Ok(format!("<div data-results-widget{attributes} data-src=\"{}\" data-state=\"static\">{inner}</div>", escape_attribute(src)))
}

/// The static copy that goes inside a host element: the widget's own components
/// rendered, in `<div class="rw-static">` (whose charts keep the height they were
/// drawn at, so that the live widget, drawing them at the page's width, moves
/// nothing as it takes over), with the stylesheet of the party colours: a page whose
/// policy allows only its own stylesheets (no inline `<style>`) shows them.
fn static_copy(route: &Route, dir: &Path, src: &str, embed: &Embed, colours: Option<&str>, instance: usize) -> Result<String, ImportError> {
    let mut state = WidgetState::new(src.to_string(), route.clone());
    let mut files: Vec<(String, Data)> = Vec::new();
    // The widget puts one slash after a directory, given with or without one.
    let base = if src.is_empty() { String::new() } else { format!("{}/", src.trim_end_matches('/')) };
    // What the view needs comes in rounds, as in the widget: a postcode's seat, and
    // so its file, is known once the postcode's area file is read.
    for _ in 0..3 {
        let needs = state.needs().map_err(|e| ImportError::Invalid(vec![e.to_string()]))?;
        let missing: Vec<(String, Kind)> = needs.into_iter().filter(|(url, _)| !files.iter().any(|(read, _)| read == url)).collect();
        if missing.is_empty() {
            break;
        }
        for (url, kind) in missing {
            let relative = url.strip_prefix(base.as_str()).unwrap_or(&url);
            let path = if src.ends_with(".json") { dir.to_path_buf() } else { dir.join(relative) };
            let text = std::fs::read_to_string(&path).map_err(|source| ImportError::Read { path: path.clone(), source })?;
            let data = data_from_text(&text, kind).map_err(|e| ImportError::Invalid(vec![format!("{}: {e}", path.display())]))?;
            state = state.apply(results_widget::state::Action::Fetched(url.clone(), Ok(data.clone())));
            files.push((url, data));
        }
    }
    let mut rules: Vec<(String, String)> = Vec::new();
    for (_, data) in &files {
        for rule in results_core::html::swatch_rules(data.parties()) {
            if !rules.contains(&rule) {
                rules.push(rule);
            }
        }
    }
    let colours = match colours {
        Some(url) => url.to_string(),
        None => colours_url(dir, src, &rules)?,
    };
    let props = WidgetProps { src: src.to_string().into(), route: route.clone(), host: None, instance, sync_url: false, preloaded: Some(Rc::new(files)), limits: Default::default(), takeover: None, locale: Rc::new(embed.locale.clone()), embed_error: None, handover: None, versions: Default::default(), width: None, first: None };
    refuse_a_message(&state, src, &embed.locale)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| ImportError::Invalid(vec![format!("cannot start the renderer: {e}")]))?;
    let local = tokio::task::LocalSet::new();
    let inner = local.block_on(&runtime, yew::LocalServerRenderer::<Widget>::with_props(props).hydratable(false).render());
    Ok(format!("<div class=\"rw-static\"><link rel=\"stylesheet\" href=\"{}\">{inner}</div>", escape_attribute(&colours)))
}

/// A static copy that would show its readers a message rather than results (the
/// widget's error, or a seat with no result in the election asked for) is refused
/// with that message, so that a publishing script stops rather than ship it.
fn refuse_a_message(state: &WidgetState, src: &str, locale: &Locale) -> Result<(), ImportError> {
    let refuse = |message: String| Err(ImportError::Unsupported(format!("no static copy: it would show its readers a message, not results: {message}")));
    if let Some(err) = state.error() {
        return refuse(err.message(locale));
    }
    // A postcode that opened no seat: the widget says why and shows every seat instead.
    if let Some((_, Some(miss))) = &state.postcode {
        return refuse(miss.message(locale));
    }
    // The route as the state has it: a postcode's seat is in it once found.
    let route = &state.route;
    if matches!(route.view, results_core::route::View::Result | results_core::route::View::History | results_core::route::View::Compare) {
        for code in &route.seats {
            if let Some(file) = state.results(&results_widget::fetch::seat_url(src, code)) {
                if file.contest(code, route.election.as_deref()).is_none() {
                    return refuse(results_core::view::no_contest(file, code, route.election.as_deref(), locale));
                }
            }
        }
    }
    Ok(())
}

/// The file name of a data directory's stylesheet of party colours.
pub const COLOURS: &str = "colours.css";

/// The stylesheet of party colours for every results file under `dir` (at any
/// depth): one rule per colour (and dark-mode colour) a party has, in the order of
/// their class names. `results colours` writes it into the directory as
/// [`COLOURS`]; the static HTML links it.
pub fn colours(dir: &Path) -> Result<String, ImportError> {
    let mut rules: Vec<(String, String)> = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        let entries = std::fs::read_dir(&folder).map_err(|source| ImportError::Read { path: folder.clone(), source })?;
        for entry in entries {
            let path = entry.map_err(|source| ImportError::Read { path: folder.clone(), source })?.path();
            if path.is_dir() {
                pending.push(path);
                continue;
            }
            if path.extension().and_then(|e| e.to_str()) != Some("json") {
                continue;
            }
            let text = std::fs::read_to_string(&path).map_err(|source| ImportError::Read { path: path.clone(), source })?;
            let kind = if path.file_name().and_then(|n| n.to_str()) == Some("index.json") { Kind::Index } else { Kind::Results };
            let data = match data_from_text(&text, kind) {
                Ok(data) => data,
                // A postcode look-up file carries no parties.
                Err(_) if data_from_text(&text, Kind::Postcode).is_ok() => continue,
                Err(e) => return Err(ImportError::Invalid(vec![format!("{}: {e}", path.display())])),
            };
            rules.extend(results_core::html::swatch_rules(data.parties()));
        }
    }
    rules.sort();
    rules.dedup();
    let mut css = String::from("/* The party colours of the results in this directory, for the static HTML of\n   `results render`: written by `results colours`. */\n");
    for (_, rule) in rules {
        css.push_str(&rule);
        css.push('\n');
    }
    Ok(css)
}

/// The URL (as the page fetches it) of the nearest [`COLOURS`] at or above the
/// data's directory, which must hold every rule in `needed`.
fn colours_url(dir: &Path, src: &str, needed: &[(String, String)]) -> Result<String, ImportError> {
    let single = src.ends_with(".json");
    let folder = if single { dir.parent().map(Path::to_path_buf).unwrap_or_default() } else { dir.to_path_buf() };
    let mut local = folder.clone();
    let mut url = if single { src.rfind('/').map_or(String::new(), |i| src[..=i].to_string()) } else if src.is_empty() { String::new() } else { format!("{}/", src.trim_end_matches('/')) };
    loop {
        let file = local.join(COLOURS);
        if file.is_file() {
            let css = std::fs::read_to_string(&file).map_err(|source| ImportError::Read { path: file.clone(), source })?;
            let missing: Vec<&str> = needed.iter().filter(|(_, rule)| !css.contains(rule.as_str())).map(|(class, _)| class.as_str()).collect();
            if !missing.is_empty() {
                return Err(ImportError::Invalid(vec![format!("{} has no rule for {}: it is older than the data; write it again with `results colours {}`", file.display(), missing.join(", "), local.display())]));
            }
            return Ok(format!("{url}{COLOURS}"));
        }
        // One folder up, in the page's URL and on this machine alike.
        let trimmed = url.trim_end_matches('/');
        let last = trimmed.rsplit('/').next().unwrap_or("");
        if trimmed.is_empty() || last == ".." || last == "." {
            break;
        }
        url = trimmed.rfind('/').map_or(String::new(), |i| trimmed[..=i].to_string());
        match local.parent() {
            Some(parent) => local = parent.to_path_buf(),
            None => break,
        }
    }
    let shown = if folder.as_os_str().is_empty() { ".".to_string() } else { folder.display().to_string() };
    Err(ImportError::Unsupported(format!(
        "the static HTML's party colours need a stylesheet: there is no {COLOURS} in {shown} or a folder above it that the page reaches; write one with `results colours {shown}` (or name one with --colours)"
    )))
}

/// A widget's element in a page: where its start tag begins, the tag, its
/// attributes, and where its content ends (at its own `</div>`), in bytes.
struct Host<'a> {
    start: usize,
    tag: &'a str,
    attributes: Vec<(String, String)>,
    content_end: usize,
}

/// The first element at or after `from` in `html` that `data-results-widget` marks;
/// `Err` with `what` named when it has no closing `</div>`.
fn next_host<'a>(html: &'a str, mut from: usize, what: &str) -> Result<Option<Host<'a>>, ImportError> {
    while let Some(start) = html[from..].find("<div").map(|i| i + from) {
        let Some(tag_len) = html[start..].find('>').map(|i| i + 1) else { break };
        let tag = &html[start..start + tag_len];
        let attributes = tag_attributes(tag);
        if attributes.iter().any(|(name, _)| name == "data-results-widget") {
            let end = closing_div(&html[start + tag_len..]).ok_or_else(|| ImportError::Unsupported(format!("{what} has no closing </div>")))?;
            return Ok(Some(Host { start, tag, attributes, content_end: start + tag_len + end }));
        }
        from = start + tag_len;
    }
    Ok(None)
}

/// `page` with every host element's static copy rendered afresh (the host
/// elements as `data-results-widget` marks them, their view and data from their
/// `data-` attributes, their data read from `base` joined with `data-src`), so that
/// the page shows its results in its first frame and without JavaScript. The host
/// elements keep their attributes, and get `data-state="static"`. A page already
/// filled is filled again the same way.
pub fn fill(page: &str, base: &Path) -> Result<String, ImportError> {
    let mut out = String::with_capacity(page.len());
    let mut done = 0;
    let mut hosts = 0;
    while let Some(host) = next_host(page, done, &format!("host element {}", hosts + 1))? {
        hosts += 1;
        let attribute = |name: &str| host.attributes.iter().find(|(n, _)| n == name).map(|(_, v)| v.trim().to_string()).filter(|v| !v.is_empty());
        let pairs: Vec<(&str, String)> = [("view", "data-view"), ("seat", "data-seat"), ("election", "data-election"), ("postcode", "data-postcode")].into_iter().filter_map(|(name, attr)| attribute(attr).map(|v| (name, v))).collect();
        let route = Route::from_pairs(pairs.iter().map(|(n, v)| (*n, v.as_str())));
        let src = attribute("data-src").unwrap_or_else(|| "data/".to_string());
        let embed = Embed::new(attribute("data-locale"), attribute("data-labels"))?;
        // Each copy's element ids its own, numbered as the loader numbers widgets.
        let copy = static_copy(&route, &base.join(&src), &src, &embed, None, hosts - 1).map_err(|e| {
            let said = format!("host element {hosts} ({}): {e}", host.tag.trim());
            // A copy refused for what it would show stays a refusal, not "inconsistent data".
            match e {
                ImportError::Unsupported(_) => ImportError::Unsupported(said),
                _ => ImportError::Invalid(vec![said]),
            }
        })?;
        out.push_str(&page[done..host.start]);
        if host.attributes.iter().any(|(name, _)| name == "data-state") {
            out.push_str(host.tag);
        } else {
            out.push_str(&host.tag[..host.tag.len() - 1]);
            out.push_str(" data-state=\"static\">");
        }
        out.push_str(&copy);
        out.push_str("</div>");
        done = host.content_end + "</div>".len();
    }
    out.push_str(&page[done..]);
    if hosts == 0 {
        return Err(ImportError::Invalid(vec!["the page has no element with data-results-widget to fill".to_string()]));
    }
    Ok(out)
}

/// A start tag's attributes, names in lower case and values unescaped as the
/// browser reads them (`&quot;`, `&amp;`, `&lt;`, `&gt;`, `&#39;`).
fn tag_attributes(tag: &str) -> Vec<(String, String)> {
    let inner = tag.trim_start_matches('<').trim_end_matches('>').trim_end_matches('/');
    let mut chars = inner.char_indices().peekable();
    // Past the tag's name.
    while chars.next_if(|(_, c)| !c.is_whitespace()).is_some() {}
    let mut attributes = Vec::new();
    loop {
        while chars.next_if(|(_, c)| c.is_whitespace()).is_some() {}
        let Some(&(start, _)) = chars.peek() else { break };
        let mut end = start;
        while let Some((i, c)) = chars.next_if(|(_, c)| !c.is_whitespace() && *c != '=') {
            end = i + c.len_utf8();
        }
        let name = inner[start..end].to_ascii_lowercase();
        while chars.next_if(|(_, c)| c.is_whitespace()).is_some() {}
        let mut value = String::new();
        if chars.next_if(|(_, c)| *c == '=').is_some() {
            while chars.next_if(|(_, c)| c.is_whitespace()).is_some() {}
            match chars.peek().map(|(_, c)| *c) {
                Some(quote @ ('"' | '\'')) => {
                    chars.next();
                    for (_, c) in chars.by_ref() {
                        if c == quote {
                            break;
                        }
                        value.push(c);
                    }
                }
                _ => {
                    while let Some((_, c)) = chars.next_if(|(_, c)| !c.is_whitespace()) {
                        value.push(c);
                    }
                }
            }
        }
        if name.is_empty() {
            break;
        }
        let value = value.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        attributes.push((name, value));
    }
    attributes
}

/// Where the `</div>` that closes a `<div>` just opened is in `html` (the element's
/// content and end tag), counting the `<div>` elements opened and closed within it.
fn closing_div(html: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut at = 0;
    loop {
        let open = html[at..].find("<div").map(|i| i + at);
        let close = html[at..].find("</div>").map(|i| i + at)?;
        match open {
            Some(open) if open < close => {
                depth += 1;
                at = open + 4;
            }
            _ if depth == 0 => return Some(close),
            _ => {
                depth -= 1;
                at = close + 6;
            }
        }
    }
}

/// A page of one view made from `template`, an embed page (the build's
/// `embed.html`): its widget element replaced by `widget` (a host element from
/// [`render`]), which keeps the template element's own attributes that are not the
/// widget's `data-` ones (its `id`, by which the page's script finds it). The rest
/// of the page (its styles, its script, which sizes an iframe to the widget) is kept.
pub fn from_template(template: &str, widget: &str) -> Result<String, ImportError> {
    let host = next_host(template, 0, "the template's widget element")?.ok_or_else(|| ImportError::Unsupported("the template has no element with data-results-widget to put the widget in".to_string()))?;
    let kept: String = host.attributes.iter().filter(|(name, _)| !name.starts_with("data-")).map(|(name, value)| format!(" {name}=\"{}\"", escape_attribute(value))).collect();
    let widget = widget.strip_prefix("<div").ok_or_else(|| ImportError::Unsupported("the rendered widget is not a <div> element".to_string()))?;
    Ok(format!("{}<div{kept}{widget}{}", &template[..host.start], &template[host.content_end + "</div>".len()..]))
}

/// A whole page around a rendered widget: its styles, and the loader so that the
/// live widget takes over where JavaScript runs.
pub fn page(title: &str, widget: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<link rel=\"stylesheet\" href=\"results-widget.css\" data-results-widget-css>\n</head>\n<body>\n{widget}\n<script type=\"module\" src=\"results-widget.js\"></script>\n</body>\n</html>\n",
        escape_attribute(title)
    )
}
