//! Stage 4, **render**: the same Markdown the answers stage made, parsed by
//! pulldown-cmark ([`blocks`], the one place its options are set), laid out
//! as A4 pages ([`layout`], pure), each page encoded as a content stream
//! ([`content`], pure) and written as PDF ([`pdf`], the only module that
//! touches printpdf).

pub mod blocks;
pub mod content;
pub mod document;
pub mod fonts;
pub mod layout;
pub mod pdf;
