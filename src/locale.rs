//! The embed's words and number style: `data-labels` (a JSON object of label
//! replacements) and `data-locale` (a BCP 47 tag; the browser's `Intl.NumberFormat`
//! says how that locale writes numbers).


use results_core::locale::{Labels, Locale, Numbers};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl)]
    type NumberFormat;

    // `catch`: a malformed tag throws a RangeError, which must not cross into Rust.
    #[wasm_bindgen(constructor, js_namespace = Intl, catch)]
    fn new(locales: &str, options: &JsValue) -> Result<NumberFormat, JsValue>;

    #[wasm_bindgen(method, js_class = "Intl.NumberFormat", js_name = formatToParts)]
    fn format_to_parts(this: &NumberFormat, number: f64) -> js_sys::Array;
}

/// The parts of a formatted number as (type, text) pairs.
fn parts(format: &NumberFormat, number: f64) -> Vec<(String, String)> {
    let field = |part: &JsValue, name: &str| js_sys::Reflect::get(part, &name.into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
    format.format_to_parts(number).iter().map(|part| (field(&part, "type"), field(&part, "value"))).collect()
}

/// How `tag` writes numbers, as the browser knows it; `Err` for a tag it refuses.
fn numbers_for(tag: &str) -> Result<Numbers, String> {
    let refused = |_| format!("data-locale \"{tag}\" is not a language tag the browser knows (such as en-GB or cy).");
    let plain = NumberFormat::new(tag, &JsValue::UNDEFINED).map_err(refused)?;
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"style".into(), &"percent".into());
    let _ = js_sys::Reflect::set(&options, &"minimumFractionDigits".into(), &1.into());
    let percent = NumberFormat::new(tag, &options).map_err(refused)?;
    let of = |parts: &[(String, String)], kind: &str| parts.iter().find(|(k, _)| k == kind).map(|(_, v)| v.clone());
    let number = parts(&plain, 12345.5);
    let shares = parts(&percent, 0.5);
    // The text around the figure of a percentage: "" and "%", "" and " %", "%" and "".
    let first = shares.iter().position(|(k, _)| k == "integer").unwrap_or(0);
    let last = shares.iter().rposition(|(k, _)| k == "fraction").map_or(shares.len(), |i| i + 1);
    let join = |slice: &[(String, String)]| slice.iter().map(|(_, v)| v.as_str()).collect::<String>();
    let defaults = Numbers::default();
    Ok(Numbers {
        group: of(&number, "group").unwrap_or_default(),
        decimal: of(&number, "decimal").unwrap_or(defaults.decimal),
        percent_prefix: shares.get(..first).map(join).unwrap_or_default(),
        percent_suffix: shares.get(last..).map(join).unwrap_or_default(),
        ..defaults
    })
}

/// The embed's locale from its attributes, or what is wrong with them.
pub fn from_attributes(tag: Option<&str>, labels: Option<&str>) -> Result<Locale, String> {
    let mut locale = Locale::default();
    if let Some(tag) = tag.map(str::trim).filter(|t| !t.is_empty()) {
        locale.numbers = numbers_for(tag)?;
        locale.lang = Some(tag.to_string());
    }
    if let Some(text) = labels.map(str::trim).filter(|t| !t.is_empty()) {
        let map = results_core::load::parse_labels(text).map_err(|e| format!("data-labels must be a JSON object of label texts ({e})."))?;
        let (labels, unknown) = Labels::new(map);
        if let Some(key) = unknown.first() {
            return Err(format!("data-labels: \"{key}\" is not a label the widget shows (the README lists them)."));
        }
        locale.labels = labels;
    }
    Ok(locale)
}
