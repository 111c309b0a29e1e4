//! The ministry's **logo**: a PNG the user puts in the templates folder
//! (`templates/logo.png`; none is shipped, the emblem is the state's),
//! decoded once when the run loads. Letters show it in the logo area beside
//! the wordmark; each backend takes what it needs from here: the file as
//! written (HTML, Word) or its pixels (PDF).

/// A logo as loaded: the PNG file and its pixels as 8-bit RGB, laid over
/// white where the image is transparent.
#[derive(Clone, PartialEq, Eq)]
pub struct Logo {
    /// The file as the user saved it.
    pub png: Vec<u8>,
    /// Pixels.
    pub width: u32,
    pub height: u32,
    /// `width × height × 3` bytes, row by row from the top.
    pub rgb: Vec<u8>,
}

/// The logo file's name in the templates folder.
pub const FILE: &str = "logo.png";

/// The largest logo read, in pixels a side: a letterhead logo is printed at
/// a few centimetres; more would only cost memory.
pub const MAX_SIDE: u32 = 4000;

/// The largest file read.
pub const MAX_BYTES: u64 = 8 * 1024 * 1024;

/// Its size and a hash of the file, not its bytes: documents print their
/// metadata with `{:?}` to seed their identifiers.
impl std::fmt::Debug for Logo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let hash = self
            .png
            .iter()
            .fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3));
        write!(f, "Logo({}x{}, {} bytes, {hash:016x})", self.width, self.height, self.png.len())
    }
}

/// The logo area of a letter, in millimetres: at most this wide and high,
/// its right edge this far right of the page's centre (the wordmark starts
/// beside it), its top this far down. Every backend places it so.
pub const AREA_W: f32 = 30.0;
pub const AREA_H: f32 = 15.0;
pub const RIGHT_OF_CENTRE: f32 = 2.0;
pub const TOP: f32 = 15.0;

impl Logo {
    /// The size it is shown at: at most `max_w` wide and `max_h` high, its
    /// proportions kept.
    pub fn fit(&self, max_w: f32, max_h: f32) -> (f32, f32) {
        let (w, h) = (self.width.max(1) as f32, self.height.max(1) as f32);
        let scale = (max_w / w).min(max_h / h);
        (w * scale, h * scale)
    }

    /// Where a letter on a page `page_width` wide shows it, in millimetres:
    /// left and top edge, width and height, in the logo area.
    pub fn placed(&self, page_width: f32) -> [f32; 4] {
        let (w, h) = self.fit(AREA_W, AREA_H);
        [page_width / 2.0 + RIGHT_OF_CENTRE - w, TOP, w, h]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_logo_fits_its_area_with_its_proportions_kept() {
        let logo = Logo { png: Vec::new(), width: 200, height: 400, rgb: Vec::new() };
        assert_eq!(logo.fit(30.0, 20.0), (10.0, 20.0));
        let wide = Logo { width: 900, height: 100, ..logo };
        let (w, h) = wide.fit(30.0, 20.0);
        assert!((w - 30.0).abs() < 1e-4 && (h - 30.0 / 9.0).abs() < 1e-4, "{w} × {h}");
        // On A4, its right edge 2 mm right of the centre, 15 mm down.
        let [x, y, w, h] = Logo { width: 200, height: 400, ..wide }.placed(210.0);
        for (got, want) in [x + w, y, w, h].into_iter().zip([107.0, 15.0, 7.5, 15.0]) {
            assert!((got - want).abs() < 1e-4, "{got} for {want}");
        }
    }
}
