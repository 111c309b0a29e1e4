//! The bundled typeface (Noto Sans, SIL OFL 1.1: `src/assets/fonts/OFL.txt`),
//! embedded in the binary, and its metrics for layout. Widths come from the
//! font's own advance widths (ttf-parser); the common range is tabulated once.

use std::sync::OnceLock;

/// A face of the typeface.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Face {
    Regular,
    Bold,
    Italic,
    BoldItalic,
}

impl Face {
    pub const ALL: [Face; 4] = [Face::Regular, Face::Bold, Face::Italic, Face::BoldItalic];

    pub fn with(bold: bool, italic: bool) -> Face {
        match (bold, italic) {
            (false, false) => Face::Regular,
            (true, false) => Face::Bold,
            (false, true) => Face::Italic,
            (true, true) => Face::BoldItalic,
        }
    }

    /// The font file's bytes.
    pub fn bytes(self) -> &'static [u8] {
        match self {
            Face::Regular => include_bytes!("../../assets/fonts/NotoSans-Regular.ttf"),
            Face::Bold => include_bytes!("../../assets/fonts/NotoSans-Bold.ttf"),
            Face::Italic => include_bytes!("../../assets/fonts/NotoSans-Italic.ttf"),
            Face::BoldItalic => include_bytes!("../../assets/fonts/NotoSans-BoldItalic.ttf"),
        }
    }

    /// The face's PostScript name.
    pub fn postscript_name(self) -> &'static str {
        match self {
            Face::Regular => "NotoSans-Regular",
            Face::Bold => "NotoSans-Bold",
            Face::Italic => "NotoSans-Italic",
            Face::BoldItalic => "NotoSans-BoldItalic",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Characters below this are tabulated.
const TABLE: usize = 0x2100;

/// Advance widths (in em) of one face.
struct Metrics {
    face: ttf_parser::Face<'static>,
    table: Vec<f32>,
    units: f32,
    /// The width of [`FALLBACK`], which stands in for what the face lacks.
    fallback: f32,
}

impl Metrics {
    fn load(face: Face) -> Metrics {
        let parsed = ttf_parser::Face::parse(face.bytes(), 0).expect("the bundled font parses");
        let units = f32::from(parsed.units_per_em());
        let mut m = Metrics { face: parsed, table: Vec::new(), units, fallback: 0.0 };
        m.table = (0..TABLE as u32).map(|c| char::from_u32(c).map_or(-1.0, |c| m.lookup(c))).collect();
        m.fallback = m.lookup(FALLBACK).max(0.0);
        m
    }

    /// Width in em, or -1.0 when the face has no glyph for `c`.
    fn lookup(&self, c: char) -> f32 {
        match self.face.glyph_index(c) {
            Some(g) => f32::from(self.face.glyph_hor_advance(g).unwrap_or(0)) / self.units,
            None => -1.0,
        }
    }

    fn width(&self, c: char) -> f32 {
        match self.table.get(c as usize) {
            Some(&w) => w,
            None => self.lookup(c),
        }
    }
}

fn metrics() -> &'static [Metrics; 4] {
    static METRICS: OnceLock<[Metrics; 4]> = OnceLock::new();
    METRICS.get_or_init(|| Face::ALL.map(Metrics::load))
}

/// Measures text in the bundled faces.
#[derive(Clone, Copy, Debug, Default)]
pub struct Fonts;

impl Fonts {
    /// Whether the face can show `c`.
    pub fn has(&self, face: Face, c: char) -> bool {
        metrics()[face.index()].width(c) >= 0.0
    }

    /// Width of `text` in points at `size`; characters the face lacks count
    /// as the fallback they will be shown as.
    pub fn width(&self, face: Face, text: &str, size: f32) -> f32 {
        let m = &metrics()[face.index()];
        let fallback = m.fallback;
        text.chars()
            .map(|c| {
                if c.is_control() {
                    0.0
                } else {
                    let w = m.width(c);
                    if w < 0.0 { fallback } else { w }
                }
            })
            .sum::<f32>()
            * size
    }

    /// The glyph ids of the characters of `text` in `face` (for subsetting).
    pub fn glyph_ids(&self, face: Face, text: &str, into: &mut std::collections::BTreeSet<u16>) {
        let m = &metrics()[face.index()];
        for c in text.chars() {
            if let Some(g) = m.face.glyph_index(c) {
                into.insert(g.0);
            }
        }
    }
}

/// Shown in place of a character the font lacks.
pub const FALLBACK: char = '\u{FFFD}';

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn covers_the_characters_of_dutch_official_texts() {
        let f = Fonts;
        for face in Face::ALL {
            for c in "«»‘’“”ëéïöüèàç–—€§…•ÉËÏ".chars() {
                assert!(f.has(face, c), "{face:?} lacks {c}");
            }
            assert!(f.has(face, FALLBACK));
        }
        assert!(!f.has(Face::Regular, '😀'));
    }

    #[test]
    fn measures_with_the_fonts_own_widths() {
        let f = Fonts;
        let w = f.width(Face::Regular, "iiii", 10.0);
        let m = f.width(Face::Regular, "MMMM", 10.0);
        assert!(w > 0.0 && m > 2.0 * w);
        assert!(f.width(Face::Bold, "Antwoord", 10.0) > f.width(Face::Regular, "Antwoord", 10.0));
        assert_eq!(f.width(Face::Regular, "ab", 20.0), 2.0 * f.width(Face::Regular, "ab", 10.0));
    }
}
