//! Reads the logo (`logo.png` in the templates folder) into a [`Logo`]: a
//! PNG of any colour type and depth, decoded to 8-bit RGB over white. A file
//! that is not a PNG, or too large, is one error at the file.

use crate::model::logo::{Logo, MAX_BYTES, MAX_SIDE};
use std::io::Read as _;
use std::path::Path;

/// Why a logo file cannot be used.
#[derive(Debug, PartialEq, Eq)]
pub enum LogoError {
    Unreadable(String),
    TooLarge { bytes: u64 },
    NotPng(String),
    TooManyPixels { width: u32, height: u32 },
}

impl std::fmt::Display for LogoError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LogoError::Unreadable(e) => f.write_str(&crate::tr!("logo-unreadable", error = e.to_string())),
            LogoError::TooLarge { bytes } => {
                f.write_str(&crate::tr!("logo-too-large", bytes = *bytes, most = MAX_BYTES))
            }
            LogoError::NotPng(e) => f.write_str(&crate::tr!("logo-not-png", error = e.to_string())),
            LogoError::TooManyPixels { width, height } => f.write_str(&crate::tr!(
                "logo-too-many-pixels",
                width = *width as u64,
                height = *height as u64,
                side = MAX_SIDE as u64
            )),
        }
    }
}

/// The logo in `path`.
pub fn read(path: &Path) -> Result<Logo, LogoError> {
    let file = std::fs::File::open(path).map_err(|e| LogoError::Unreadable(e.to_string()))?;
    let mut png = Vec::new();
    // One byte more than allowed tells a file too large without reading it all.
    file.take(MAX_BYTES + 1).read_to_end(&mut png).map_err(|e| LogoError::Unreadable(e.to_string()))?;
    if png.len() as u64 > MAX_BYTES {
        let bytes = std::fs::metadata(path).map_or(png.len() as u64, |m| m.len());
        return Err(LogoError::TooLarge { bytes });
    }
    decode(png)
}

/// Decodes a PNG file's bytes.
pub fn decode(png: Vec<u8>) -> Result<Logo, LogoError> {
    let bad = |e: png::DecodingError| LogoError::NotPng(e.to_string());
    let mut decoder = png::Decoder::new(std::io::Cursor::new(&png[..]));
    // Palette and low bit depths to 8 bits, 16 bits to 8, transparency as alpha.
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().map_err(bad)?;
    let (width, height) = {
        let info = reader.info();
        (info.width, info.height)
    };
    if width > MAX_SIDE || height > MAX_SIDE || width == 0 || height == 0 {
        return Err(LogoError::TooManyPixels { width, height });
    }
    let mut buf = vec![0; reader.output_buffer_size().ok_or_else(|| LogoError::NotPng("too large".into()))?];
    let frame = reader.next_frame(&mut buf).map_err(bad)?;
    let data = &buf[..frame.buffer_size()];
    let over_white =
        |v: u8, a: u8| ((u16::from(v) * u16::from(a) + 255 * (255 - u16::from(a)) + 127) / 255) as u8;
    let pixels = (width * height) as usize;
    let mut rgb = Vec::with_capacity(pixels * 3);
    match frame.color_type {
        png::ColorType::Rgb => rgb.extend(data.iter().take(pixels * 3)),
        png::ColorType::Rgba => {
            for p in data.chunks_exact(4).take(pixels) {
                rgb.extend([over_white(p[0], p[3]), over_white(p[1], p[3]), over_white(p[2], p[3])]);
            }
        }
        png::ColorType::Grayscale => {
            for &g in data.iter().take(pixels) {
                rgb.extend([g, g, g]);
            }
        }
        png::ColorType::GrayscaleAlpha => {
            for p in data.chunks_exact(2).take(pixels) {
                let g = over_white(p[0], p[1]);
                rgb.extend([g, g, g]);
            }
        }
        png::ColorType::Indexed => return Err(LogoError::NotPng("an indexed image was not expanded".into())),
    }
    if rgb.len() != pixels * 3 {
        return Err(LogoError::NotPng("the image holds fewer pixels than it says".into()));
    }
    Ok(Logo { png, width, height, rgb })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encode(width: u32, height: u32, color: png::ColorType, data: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut e = png::Encoder::new(&mut out, width, height);
        e.set_color(color);
        e.set_depth(png::BitDepth::Eight);
        e.write_header().unwrap().write_image_data(data).unwrap();
        out
    }

    #[test]
    fn a_transparent_logo_is_laid_over_white() {
        // A red pixel, a half-transparent black one, a clear one.
        let png = encode(3, 1, png::ColorType::Rgba, &[255, 0, 0, 255, 0, 0, 0, 128, 9, 9, 9, 0]);
        let logo = decode(png.clone()).unwrap();
        assert_eq!((logo.width, logo.height), (3, 1));
        assert_eq!(logo.rgb, [255, 0, 0, 127, 127, 127, 255, 255, 255]);
        assert_eq!(logo.png, png, "the file is kept as written");
        let grey = decode(encode(2, 1, png::ColorType::Grayscale, &[0, 200])).unwrap();
        assert_eq!(grey.rgb, [0, 0, 0, 200, 200, 200]);
    }

    #[test]
    fn every_colour_type_and_depth_a_ministry_may_save_comes_out_as_rgb() {
        // A palette image (two colours), 16-bit grey, RGB.
        let mut out = Vec::new();
        let mut e = png::Encoder::new(&mut out, 2, 1);
        e.set_color(png::ColorType::Indexed);
        e.set_depth(png::BitDepth::Eight);
        e.set_palette(vec![0x15, 0x42, 0x73, 255, 255, 255]);
        e.write_header().unwrap().write_image_data(&[0, 1]).unwrap();
        assert_eq!(decode(out).unwrap().rgb, [0x15, 0x42, 0x73, 255, 255, 255]);
        let mut out = Vec::new();
        let mut e = png::Encoder::new(&mut out, 1, 1);
        e.set_color(png::ColorType::Grayscale);
        e.set_depth(png::BitDepth::Sixteen);
        e.write_header().unwrap().write_image_data(&[0x80, 0x00]).unwrap();
        assert_eq!(decode(out).unwrap().rgb, [0x80, 0x80, 0x80]);
        let (w, h) = (9u32, 7u32);
        let pixels: Vec<u8> = (0..w * h * 3).map(|i| (i * 7 % 251) as u8).collect();
        let mut out = Vec::new();
        let mut e = png::Encoder::new(&mut out, w, h);
        e.set_color(png::ColorType::Rgb);
        e.set_depth(png::BitDepth::Eight);
        e.write_header().unwrap().write_image_data(&pixels).unwrap();
        assert_eq!(decode(out).unwrap().rgb, pixels);
    }

    proptest::proptest! {
        /// Whatever the file holds, the logo is read or one error is told:
        /// no panic, and never more pixels than the limit allows.
        #[test]
        fn a_damaged_logo_file_is_an_error_never_a_panic(
            at in proptest::collection::vec((0usize..400, proptest::num::u8::ANY), 1..8),
            cut in 0usize..400,
        ) {
            let mut bytes = encode(12, 10, png::ColorType::Rgba, &[200; 12 * 10 * 4]);
            for (i, b) in at {
                let n = bytes.len();
                bytes[i % n] = b;
            }
            bytes.truncate(bytes.len().min(cut.max(8)));
            if let Ok(logo) = decode(bytes) {
                proptest::prop_assert!(logo.width <= MAX_SIDE && logo.height <= MAX_SIDE);
                proptest::prop_assert_eq!(logo.rgb.len(), (logo.width * logo.height * 3) as usize);
            }
        }
    }

    #[test]
    fn what_is_not_a_png_is_told_not_decoded() {
        assert!(matches!(decode(b"GIF89a....".to_vec()), Err(LogoError::NotPng(_))));
        let mut cut = encode(2, 2, png::ColorType::Rgb, &[1; 12]);
        cut.truncate(cut.len() - 20);
        assert!(matches!(decode(cut), Err(LogoError::NotPng(_))));
        // Larger than a logo needs: refused before its pixels are read.
        let wide = encode(MAX_SIDE + 1, 1, png::ColorType::Grayscale, &vec![0; MAX_SIDE as usize + 1]);
        assert_eq!(decode(wide), Err(LogoError::TooManyPixels { width: MAX_SIDE + 1, height: 1 }));
    }
}
