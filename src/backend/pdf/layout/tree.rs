//! The logical structure the layout builds beside the pages (ISO 32000-1,
//! 14.7 and 14.8): an element per heading, paragraph, list, table cell,
//! quotation, footnote, link and redaction box, made in document order, and
//! a [`Tag`] on every drawn item that says which element it belongs to or
//! that it is an artifact (page numbers, the running header, rules and
//! shading, a table header repeated on a new page). Pure data: the writer
//! turns it into the PDF's structure tree.

/// An element's index in the document's tree; 0 is the `Document` element.
pub type ElemId = u32;

/// What a drawn item is, for a screen reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tag {
    /// Real content of an element.
    Content(ElemId),
    /// Not part of the text: how the page looks or is paginated.
    Artifact(Artifact),
}

/// The kinds of artifact (ISO 32000-1, 14.8.2.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Artifact {
    /// Rules, shading, the bar beside a quotation, a highlight.
    Layout,
    /// The running header of internal renders.
    Header,
    /// "Pagina N van M".
    Footer,
    /// A table's header row repeated on the next page.
    Repeated,
}

/// A structure element's type and the attributes that go with it.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    Document,
    /// `H1`–`H6`; levels are made contiguous when the document is put
    /// together ([`Tree::even_out_headings`]).
    Heading(u8),
    P,
    /// A list; numbered or with bullets.
    L {
        numbered: bool,
    },
    LI,
    Lbl,
    LBody,
    BlockQuote,
    Table,
    TR,
    /// A header cell; its scope is its column.
    TH,
    /// A row's header cell (the key of a key–value table); its scope is its row.
    RowHeader,
    TD,
    /// A footnote, with an identifier unique in the document.
    Note {
        id: String,
    },
    /// A footnote's marker in the text that cites it (ISO 32000-1,
    /// 14.8.4.4.1: a citation to content elsewhere in the document).
    Reference,
    /// A link and where it goes.
    Link {
        url: String,
    },
    /// A redaction box, spoken as its alternate text (shared: a register
    /// has tens of thousands of boxes and a handful of grounds).
    Figure {
        alt: std::sync::Arc<str>,
    },
}

impl Kind {
    /// The standard structure type (ISO 32000-1, 14.8.4).
    pub fn name(&self) -> &'static str {
        match self {
            Kind::Document => "Document",
            Kind::Heading(l) => ["H1", "H2", "H3", "H4", "H5", "H6"][usize::from(l.clamp(&1, &6) - 1)],
            Kind::P => "P",
            Kind::L { .. } => "L",
            Kind::LI => "LI",
            Kind::Lbl => "Lbl",
            Kind::LBody => "LBody",
            Kind::BlockQuote => "BlockQuote",
            Kind::Table => "Table",
            Kind::TR => "TR",
            Kind::TH | Kind::RowHeader => "TH",
            Kind::TD => "TD",
            Kind::Note { .. } => "Note",
            Kind::Reference => "Reference",
            Kind::Link { .. } => "Link",
            Kind::Figure { .. } => "Figure",
        }
    }

    /// Whether the element stands in its parent even with nothing in it: an
    /// empty table cell still holds its place in the row.
    pub fn kept_when_empty(&self) -> bool {
        matches!(self, Kind::TR | Kind::TH | Kind::RowHeader | Kind::TD)
    }
}

/// One element: its kind and the element it belongs to (`None`: the
/// document itself).
#[derive(Clone, Debug, PartialEq)]
pub struct Elem {
    pub kind: Kind,
    pub parent: Option<ElemId>,
}

/// The elements in the order they were made, which is document order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tree {
    pub elems: Vec<Elem>,
}

impl Tree {
    /// The tree of a whole document: its `Document` element alone.
    pub fn document() -> Tree {
        Tree { elems: vec![Elem { kind: Kind::Document, parent: None }] }
    }

    pub fn add(&mut self, kind: Kind, parent: Option<ElemId>) -> ElemId {
        self.elems.push(Elem { kind, parent });
        (self.elems.len() - 1) as ElemId
    }

    /// Appends the tree of a part laid out on its own (its elements
    /// numbered from 0, its top elements without parent) under the
    /// document element; returns the number its ids are shifted by.
    pub fn append_part(&mut self, part: Tree) -> ElemId {
        let offset = self.elems.len() as ElemId;
        self.elems.extend(
            part.elems
                .into_iter()
                .map(|e| Elem { kind: e.kind, parent: Some(e.parent.map_or(0, |p| p + offset)) }),
        );
        offset
    }

    /// No heading level is skipped: a heading one or more levels below the
    /// one before it is one level deeper in the tree, headings at the same
    /// Markdown level stay siblings, and the first is `H1` (a template that
    /// goes `#`, `###`, `###`, `##` gives `H1`, `H2`, `H2`, `H2`).
    pub fn even_out_headings(&mut self) {
        // The open headings: their Markdown level and their level in the tree.
        let mut open: Vec<(u8, u8)> = Vec::new();
        for e in &mut self.elems {
            if let Kind::Heading(level) = &mut e.kind {
                while open.last().is_some_and(|&(md, _)| md >= *level) {
                    open.pop();
                }
                let even = open.last().map_or(1, |&(_, l)| l + 1).min(6);
                open.push((*level, even));
                *level = even;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_levels_are_never_skipped() {
        let mut t = Tree::document();
        for l in [1, 3, 3, 2, 4, 6, 2, 1, 2] {
            t.add(Kind::Heading(l), None);
        }
        t.even_out_headings();
        let names: Vec<&str> = t.elems[1..].iter().map(|e| e.kind.name()).collect();
        assert_eq!(names, ["H1", "H2", "H2", "H2", "H3", "H4", "H2", "H1", "H2"]);
    }

    #[test]
    fn a_part_hangs_under_the_document_with_its_ids_shifted() {
        let mut doc = Tree::document();
        doc.add(Kind::P, None);
        let mut part = Tree::default();
        let table = part.add(Kind::Table, None);
        part.add(Kind::TR, Some(table));
        assert_eq!(doc.append_part(part), 2);
        assert_eq!(doc.elems[2].parent, Some(0));
        assert_eq!(doc.elems[3].parent, Some(2));
    }
}
