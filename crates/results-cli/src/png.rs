//! SVG to PNG, natively (resvg), for `results card --out card.png`: social networks
//! take PNG, not SVG. Text is drawn with the machine's fonts.

use resvg::{tiny_skia, usvg};

/// The families a card asks for, in its order (`results_core::card`); a PNG is
/// refused where the machine has none of them, rather than drawn without its words.
const FAMILIES: [&str; 3] = ["DejaVu Sans", "Verdana", "Arial"];

/// The PNG of `svg`, at its own size; or a sentence saying what is wrong.
pub fn from_svg(svg: &str) -> Result<Vec<u8>, String> {
    let mut options = usvg::Options::default();
    options.fontdb_mut().load_system_fonts();
    let found = options.fontdb.faces().any(|face| {
        face.families
            .iter()
            .any(|(name, _)| FAMILIES.contains(&name.as_str()))
    });
    if !found {
        return Err(format!(
            "no font to draw the card's text with: the PNG needs one of {} on this machine (Debian: apt install fonts-dejavu-core); the SVG needs none",
            FAMILIES.join(", ")
        ));
    }
    let tree = usvg::Tree::from_str(svg, &options)
        .map_err(|e| format!("the card's SVG cannot be read: {e}"))?;
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or_else(|| format!("cannot make a {}x{} image", size.width(), size.height()))?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    pixmap
        .encode_png()
        .map_err(|e| format!("cannot write the PNG: {e}"))
}
