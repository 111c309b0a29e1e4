//! The bytes of a PDF file (ISO 32000-1, 7.3 and 7.5): objects, streams,
//! object streams and a cross-reference stream. Pure code, no PDF library:
//! the writer serializes the few objects printpdf makes and writes the
//! thousands of small ones a tagged document needs (pages, structure
//! elements, annotations) straight into object streams, built and deflated
//! in parallel. Numbers and strings are written one way only, so the same
//! objects give the same bytes.

use std::io::Write as _;

/// Where an object is.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Entry {
    Free,
    At(u64),
    Packed { stream: u32, index: u32 },
}

/// A PDF file being written: the header first, the cross-reference stream
/// last.
pub struct File {
    bytes: Vec<u8>,
    xref: Vec<Entry>,
}

/// Objects packed into one object stream, deflated, not yet placed.
pub struct Packed {
    ids: Vec<u32>,
    first: usize,
    data: Vec<u8>,
}

/// How many objects go into one object stream.
pub const PER_STREAM: usize = 256;

impl File {
    /// A file of `version` (e.g. `1.7`), with the binary comment that tells
    /// transfer programs it is binary.
    pub fn new(version: &str, capacity: usize) -> File {
        let mut bytes = Vec::with_capacity(capacity);
        bytes.extend_from_slice(b"%PDF-");
        bytes.extend_from_slice(version.as_bytes());
        bytes.extend_from_slice(b"\n%\xE2\xE3\xCF\xD3\n");
        File { bytes, xref: vec![Entry::Free] }
    }

    fn place(&mut self, id: u32, entry: Entry) {
        let i = id as usize;
        if self.xref.len() <= i {
            self.xref.resize(i + 1, Entry::Free);
        }
        self.xref[i] = entry;
    }

    /// An object written directly, e.g. `<</Type/Catalog …>>`.
    pub fn object(&mut self, id: u32, body: &[u8]) {
        self.place(id, Entry::At(self.bytes.len() as u64));
        let _ = writeln!(self.bytes, "{id} 0 obj");
        self.bytes.extend_from_slice(body);
        self.bytes.extend_from_slice(b"\nendobj\n");
    }

    /// A stream with the dictionary entries `dict` (without `/Length`) and
    /// its (already filtered) `data`.
    pub fn stream(&mut self, id: u32, dict: &[u8], data: &[u8]) {
        self.place(id, Entry::At(self.bytes.len() as u64));
        let _ = write!(self.bytes, "{id} 0 obj\n<<");
        self.bytes.extend_from_slice(dict);
        let _ = write!(self.bytes, "/Length {}>>\nstream\n", data.len());
        self.bytes.extend_from_slice(data);
        self.bytes.extend_from_slice(b"\nendstream\nendobj\n");
    }

    /// Places an object stream as object `id`.
    pub fn packed(&mut self, id: u32, packed: Packed) {
        for (index, &obj) in packed.ids.iter().enumerate() {
            self.place(obj, Entry::Packed { stream: id, index: index as u32 });
        }
        let dict = format!("/Type/ObjStm/N {}/First {}/Filter/FlateDecode", packed.ids.len(), packed.first);
        self.stream(id, dict.as_bytes(), &packed.data);
    }

    /// Ends the file with its cross-reference stream (object `id`, the
    /// highest number) carrying the trailer entries `trailer` (`/Root`,
    /// `/Info`, `/ID`).
    pub fn finish(mut self, id: u32, trailer: &[u8]) -> Vec<u8> {
        let at = self.bytes.len() as u64;
        self.place(id, Entry::At(at));
        let size = self.xref.len();
        // Type (1 byte), offset or stream number (4), generation or index (2).
        let mut table = Vec::with_capacity(size * 7);
        for entry in &self.xref {
            let (kind, a, b) = match *entry {
                Entry::Free => (0u8, 0u32, 0u16),
                Entry::At(offset) => (1, offset as u32, 0),
                Entry::Packed { stream, index } => (2, stream, index as u16),
            };
            table.push(kind);
            table.extend_from_slice(&a.to_be_bytes());
            table.extend_from_slice(&b.to_be_bytes());
        }
        let data = deflate(table, 6);
        let mut dict = format!("/Type/XRef/Size {size}/W[1 4 2]/Filter/FlateDecode").into_bytes();
        dict.extend_from_slice(trailer);
        self.stream(id, &dict, &data);
        let _ = write!(self.bytes, "startxref\n{at}\n%%EOF\n");
        self.bytes
    }
}

/// Object streams are deflated at level 1 (zlib-rs's quick strategy): their
/// text repeats itself so much that higher levels gain little.
const PACK_LEVEL: u32 = 1;

/// Packs objects (number, body) into an object stream.
pub fn pack(objects: &[(u32, Vec<u8>)]) -> Packed {
    let mut header = Vec::with_capacity(objects.len() * 12);
    let mut offset = 0;
    for (id, body) in objects {
        let _ = write!(header, "{id} {offset} ");
        offset += body.len() + 1;
    }
    let first = header.len();
    let mut raw = header;
    raw.reserve(offset);
    for (_, body) in objects {
        raw.extend_from_slice(body);
        raw.push(b'\n');
    }
    Packed { ids: objects.iter().map(|o| o.0).collect(), first, data: deflate(raw, PACK_LEVEL) }
}

/// `bytes` deflated (zlib) at `level`.
///
/// Deflated data never ends in a carriage return: one validator reads
/// CR + the LF before `endstream` as one end-of-line and finds the stream a
/// byte short. See [`deflate_padded`].
pub fn deflate(mut bytes: Vec<u8>, level: u32) -> Vec<u8> {
    deflate_padded(&mut bytes, level)
}

/// The byte added to data whose deflated form would end in CR: a newline,
/// which is white space in content streams, object streams and CMaps, and
/// lies past the last table of a font program, where no reader looks.
pub const PAD: u8 = b'\n';

/// [`deflate`], adding [`PAD`] to `bytes` when their deflated form would end
/// in CR (the caller sees the byte and can say the new length).
///
/// Bounded by construction: zlib data ends in the Adler-32 checksum of what
/// was deflated, big-endian, so its last byte is the low byte of
/// `s1 = (1 + Σ bytes) mod 65521`, known before deflating. Adding one byte
/// `p` makes it the low byte of `(s1 + p) mod 65521`, which differs from
/// CR for every `p` other than 0 and 241 (`65521 mod 256`): one pad always
/// suffices, so data is deflated exactly once. (The loop this replaces
/// padded font programs with zero bytes, which never change `s1`, and so
/// never ended for a font subset whose sum fell on CR.)
///
/// Each thread keeps one compressor per level and resets it between
/// streams: a new one allocates and clears its window and tables, which for
/// the 15,000 streams of a large document cost more than some of the
/// deflating.
pub fn deflate_padded(bytes: &mut Vec<u8>, level: u32) -> Vec<u8> {
    use flate2::{Compress, Compression, FlushCompress};
    use std::cell::RefCell;
    thread_local! {
        static COMPRESSORS: RefCell<Vec<Option<Compress>>> = const { RefCell::new(Vec::new()) };
    }
    const _: () = assert!(PAD != 0 && PAD != 241, "a pad that cannot move the checksum off CR");
    if adler_low_byte(bytes) == b'\r' {
        bytes.push(PAD);
    }
    let packed = COMPRESSORS.with(|cell| {
        let mut all = cell.borrow_mut();
        let level = level.min(9);
        if all.len() <= level as usize {
            all.resize_with(level as usize + 1, || None);
        }
        let z = all[level as usize].get_or_insert_with(|| Compress::new(Compression::new(level), true));
        z.reset();
        let mut packed = Vec::with_capacity(bytes.len() / 3 + 64);
        loop {
            let before = z.total_in() as usize;
            let status =
                z.compress_vec(&bytes[before.min(bytes.len())..], &mut packed, FlushCompress::Finish);
            match status {
                Ok(flate2::Status::StreamEnd) => return packed,
                // The output is full: room is made, and each round consumes
                // input or writes output, so this ends.
                Ok(_) => packed.reserve(packed.capacity().max(64)),
                Err(_) => return deflate_once(bytes, level),
            }
        }
    });
    debug_assert_ne!(packed.last(), Some(&b'\r'));
    packed
}

/// The low byte of the Adler-32 checksum of `bytes` (RFC 1950, 8.2): the
/// last byte of their zlib stream.
fn adler_low_byte(bytes: &[u8]) -> u8 {
    const MOD: u64 = 65521;
    // Summed in chunks that cannot overflow a u64, then reduced.
    let s1 = bytes
        .chunks(1 << 20)
        .fold(1u64, |s1, chunk| (s1 + chunk.iter().map(|&b| u64::from(b)).sum::<u64>()) % MOD);
    s1 as u8
}

/// `bytes` deflated by a compressor of its own (should a kept one fail).
fn deflate_once(bytes: &[u8], level: u32) -> Vec<u8> {
    use flate2::{Compression, write::ZlibEncoder};
    let mut z = ZlibEncoder::new(Vec::with_capacity(bytes.len() / 3 + 64), Compression::new(level));
    let _ = z.write_all(bytes);
    z.finish().unwrap_or_default()
}

/// Writing PDF objects as bytes.
pub mod obj {
    use std::io::Write as _;

    /// `12 0 R`.
    pub fn reference(out: &mut Vec<u8>, id: u32) {
        uint(out, id);
        out.extend_from_slice(b" 0 R");
    }

    /// A non-negative integer, without the formatting machinery (the
    /// structure tree of a large document holds millions of them).
    pub fn uint(out: &mut Vec<u8>, v: u32) {
        digits(out, u64::from(v));
    }

    /// The decimal digits of `v`.
    pub fn digits(out: &mut Vec<u8>, mut v: u64) {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        loop {
            at -= 1;
            digits[at] = b'0' + (v % 10) as u8;
            v /= 10;
            if v == 0 {
                break;
            }
        }
        out.extend_from_slice(&digits[at..]);
    }

    /// A real number, as exactly as it is held (no exponent: `595.276`).
    pub fn real(out: &mut Vec<u8>, v: f32) {
        let v = if v.is_finite() { v } else { 0.0 };
        let _ = write!(out, "{v}");
    }

    /// An integer.
    pub fn int(out: &mut Vec<u8>, v: i64) {
        let _ = write!(out, "{v}");
    }

    /// A name: `/P`. Characters outside the regular ASCII set are written
    /// as `#xx`.
    pub fn name(out: &mut Vec<u8>, n: &[u8]) {
        out.push(b'/');
        for &b in n {
            if b.is_ascii_graphic() && !b"()<>[]{}/%#".contains(&b) {
                out.push(b);
            } else {
                let _ = write!(out, "#{b:02X}");
            }
        }
    }

    /// A literal string; parentheses and backslashes escaped, bytes outside
    /// printable ASCII written as octal escapes.
    pub fn literal(out: &mut Vec<u8>, s: &[u8]) {
        out.push(b'(');
        for &b in s {
            match b {
                b'(' | b')' | b'\\' => {
                    out.push(b'\\');
                    out.push(b);
                }
                b' '..=b'~' => out.push(b),
                _ => {
                    let _ = write!(out, "\\{b:03o}");
                }
            }
        }
        out.push(b')');
    }

    /// A hexadecimal string.
    pub fn hex(out: &mut Vec<u8>, s: &[u8]) {
        const HEX: &[u8; 16] = b"0123456789ABCDEF";
        out.push(b'<');
        for &b in s {
            out.push(HEX[usize::from(b >> 4)]);
            out.push(HEX[usize::from(b & 15)]);
        }
        out.push(b'>');
    }

    /// A text string: literal when printable ASCII, UTF-16BE otherwise.
    pub fn text(out: &mut Vec<u8>, s: &str) {
        if s.bytes().all(|b| (b' '..=b'~').contains(&b)) {
            literal(out, s.as_bytes());
        } else {
            let mut bytes = vec![0xFE, 0xFF];
            bytes.extend(s.encode_utf16().flat_map(u16::to_be_bytes));
            hex(out, &bytes);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_and_names_are_escaped() {
        let mut out = Vec::new();
        obj::literal(&mut out, b"a(b)\\c\n");
        obj::name(&mut out, b"A B#");
        obj::text(&mut out, "é");
        obj::uint(&mut out, 0);
        obj::reference(&mut out, 4_294_967_295);
        assert_eq!(out, b"(a\\(b\\)\\\\c\\012)/A#20B#23<FEFF00E9>04294967295 0 R");
    }

    fn inflate(packed: &[u8]) -> Vec<u8> {
        use std::io::Read;
        let mut back = Vec::new();
        flate2::read::ZlibDecoder::new(packed).read_to_end(&mut back).unwrap();
        back
    }

    #[test]
    fn a_sum_that_falls_on_cr_is_padded_once() {
        // 1 + 12 = 13: the checksum's low byte is CR. Zero bytes never move
        // it (the old loop padded font programs with them and never ended).
        for zeros in [0, 1, 1000] {
            let data: Vec<u8> = std::iter::once(12).chain(std::iter::repeat_n(0, zeros)).collect();
            let mut raw = data.clone();
            let packed = deflate_padded(&mut raw, 2);
            assert_ne!(packed.last(), Some(&b'\r'));
            assert_eq!(raw.len(), data.len() + 1);
            assert_eq!(inflate(&packed), raw);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

        /// For any bytes at any level: the stream never ends in CR, holds
        /// the bytes as given or with one pad, and says which.
        #[test]
        fn deflated_data_never_ends_in_a_carriage_return(
            data in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..2048),
            level in 0u32..10,
        ) {
            let mut raw = data.clone();
            let packed = deflate_padded(&mut raw, level);
            proptest::prop_assert_ne!(packed.last(), Some(&b'\r'));
            proptest::prop_assert!(raw == data || (raw[..data.len()] == data[..] && raw[data.len()..] == [PAD]));
            proptest::prop_assert_eq!(inflate(&packed), raw);
        }

        /// The predicted last byte is the one zlib writes.
        #[test]
        fn the_checksum_is_predicted(data in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..4096)) {
            let packed = deflate_once(&data, 6);
            proptest::prop_assert_eq!(packed.last().copied(), Some(adler_low_byte(&data)));
        }
    }

    #[test]
    fn the_cross_reference_stream_points_at_every_object() {
        let mut f = File::new("1.7", 0);
        f.object(1, b"<</Type/Catalog>>");
        f.packed(3, pack(&[(2, b"<</A 1>>".to_vec()), (4, b"[1 2]".to_vec())]));
        let bytes = f.finish(5, b"/Root 1 0 R");
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.starts_with("%PDF-1.7\n%"));
        let at = text.find("1 0 obj").unwrap();
        assert_eq!(&text[at..at + 7], "1 0 obj");
        assert!(text.contains("/Type/XRef/Size 6/W[1 4 2]"));
        assert!(text.ends_with("%%EOF\n"));
    }
}
