//! The structure tree as the PDF holds it (ISO 32000-1, 14.7), worked out
//! from the layout's elements and what each page's content stream marked:
//! pure code, no PDF objects. [`super::writer`] turns it into objects.
//!
//! An element's kids are in reading order. For an element with content of
//! its own (a paragraph with a link in it) that is the order the content
//! stands on the pages, its child elements where their first content is;
//! for one that only groups others (a list, a table row) it is the order
//! the children were made. Elements that show nothing are left out, except
//! table rows and cells, which hold their place in the table.

use super::layout::{ElemId, Tree};

/// One of an element's kids.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kid {
    /// A child element, by its index in [`Structure::nodes`].
    Node(u32),
    /// Marked content on a page.
    Content { page: u32, mcid: u32 },
    /// The `index`-th annotation of a page (a link's clickable area).
    Annot { page: u32, index: u32 },
}

/// An element in the PDF's tree.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Node {
    pub elem: ElemId,
    /// `None` for the document element, whose parent is the tree root.
    pub parent: Option<u32>,
    /// The page of its first content, if it has content of its own.
    pub page: Option<u32>,
    /// Where its kids are in [`Structure::kids`].
    kids: (u32, u32),
}

/// The tree, and for each page the node of each of its MCIDs.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Structure {
    /// Parents before children; node 0 is the document.
    pub nodes: Vec<Node>,
    /// Every node's kids, one run after the other.
    all_kids: Vec<Kid>,
    /// Per page: the node each MCID belongs to.
    pub parents: Vec<Vec<u32>>,
    /// Per page: the node of each annotation.
    pub annot_parents: Vec<Vec<u32>>,
}

impl Structure {
    /// A node's kids in reading order.
    pub fn kids(&self, node: &Node) -> &[Kid] {
        &self.all_kids[node.kids.0 as usize..node.kids.1 as usize]
    }
}

/// What one page marked: the element of each MCID, and of each annotation.
pub struct Marks<'a> {
    pub mcids: &'a [ElemId],
    pub annots: &'a [ElemId],
}

/// Works out the tree from `tree` and what each page marked.
///
/// The tree of a 15,000-page document has some 750,000 elements and twice
/// as many kids, so they are not held a list each: the kids are found
/// twice, once to count them per element and once to put them in one array
/// in their places.
pub fn assemble(tree: &Tree, pages: &[Marks<'_>]) -> Structure {
    let n = tree.elems.len();
    let parent = |e: usize| tree.elems[e].parent.map(|p| p as usize);
    let mut direct = vec![false; n];
    let mut first_page: Vec<u32> = vec![u32::MAX; n];
    for (page, m) in pages.iter().enumerate() {
        for &e in m.mcids.iter().chain(m.annots) {
            direct[e as usize] = true;
            if first_page[e as usize] == u32::MAX {
                first_page[e as usize] = page as u32;
            }
        }
    }
    let mut shown = vec![false; n];
    let mut kept = vec![false; n];
    // Every kid of every element, in reading order, to `visit`: an element
    // with content of its own gets its content and its children where
    // their first content stands; an element that only groups others
    // (a list, a table row) gets its children in the order they were made.
    // Elements that show nothing are left out, except table rows and cells.
    let mut walk = |visit: &mut dyn FnMut(usize, Kid)| {
        shown.iter_mut().for_each(|s| *s = false);
        let mut show = |e: usize, visit: &mut dyn FnMut(usize, Kid)| {
            let mut c = e;
            while !shown[c] {
                shown[c] = true;
                let Some(p) = parent(c) else { break };
                if direct[p] {
                    visit(p, Kid::Node(c as u32));
                }
                c = p;
            }
        };
        for (page, m) in pages.iter().enumerate() {
            let page = page as u32;
            for (mcid, &e) in m.mcids.iter().enumerate() {
                visit(e as usize, Kid::Content { page, mcid: mcid as u32 });
                show(e as usize, visit);
            }
            for (index, &e) in m.annots.iter().enumerate() {
                visit(e as usize, Kid::Annot { page, index: index as u32 });
                show(e as usize, visit);
            }
        }
        for (e, elem) in tree.elems.iter().enumerate() {
            kept[e] =
                e == 0 || shown[e] || (elem.kind.kept_when_empty() && parent(e).is_some_and(|p| kept[p]));
            if kept[e]
                && let Some(p) = parent(e)
                && !direct[p]
            {
                visit(p, Kid::Node(e as u32));
            }
        }
    };
    let mut start = vec![0u32; n + 1];
    walk(&mut |e, _| start[e + 1] += 1);
    for e in 0..n {
        start[e + 1] += start[e];
    }
    let mut all_kids = vec![Kid::Node(0); start[n] as usize];
    let mut next = start.clone();
    walk(&mut |e, kid| {
        all_kids[next[e] as usize] = kid;
        next[e] += 1;
    });
    drop(next);
    let mut node_of = vec![u32::MAX; n];
    let count = kept.iter().filter(|k| **k).count();
    let mut nodes = Vec::with_capacity(count);
    for e in (0..n).filter(|&e| kept[e]) {
        node_of[e] = nodes.len() as u32;
        nodes.push(Node {
            elem: e as ElemId,
            parent: parent(e).map(|p| node_of[p]),
            page: (first_page[e] != u32::MAX).then_some(first_page[e]),
            kids: (start[e], start[e + 1]),
        });
    }
    for kid in &mut all_kids {
        if let Kid::Node(e) = kid {
            *e = node_of[*e as usize];
        }
    }
    let map = |elems: &[ElemId]| elems.iter().map(|&e| node_of[e as usize]).collect();
    Structure {
        nodes,
        all_kids,
        parents: pages.iter().map(|m| map(m.mcids)).collect(),
        annot_parents: pages.iter().map(|m| map(m.annots)).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backend::pdf::layout::tree::Kind;

    #[test]
    fn kids_follow_the_content_and_a_link_stands_where_its_text_does() {
        let mut t = Tree::document();
        let p = t.add(Kind::P, Some(0));
        let link = t.add(Kind::Link { url: "https://x".into() }, Some(p));
        let empty = t.add(Kind::P, Some(0));
        let q = t.add(Kind::P, Some(0));
        // Page 0: p, link (text and annotation), p; page 1: p, q.
        let s = assemble(
            &t,
            &[Marks { mcids: &[p, link, p], annots: &[link] }, Marks { mcids: &[p, q], annots: &[] }],
        );
        let names: Vec<ElemId> = s.nodes.iter().map(|n| n.elem).collect();
        assert_eq!(names, [0, p, link, q], "the empty paragraph {empty} is left out");
        assert_eq!(s.kids(&s.nodes[0]), [Kid::Node(1), Kid::Node(3)]);
        assert_eq!(
            s.kids(&s.nodes[1]),
            [
                Kid::Content { page: 0, mcid: 0 },
                Kid::Node(2),
                Kid::Content { page: 0, mcid: 2 },
                Kid::Content { page: 1, mcid: 0 }
            ]
        );
        assert_eq!(
            s.kids(&s.nodes[2]),
            [Kid::Content { page: 0, mcid: 1 }, Kid::Annot { page: 0, index: 0 }]
        );
        assert_eq!(s.parents, [vec![1, 2, 1], vec![1, 3]]);
        assert_eq!(s.annot_parents, [vec![2], vec![]]);
        assert_eq!((s.nodes[1].page, s.nodes[3].page), (Some(0), Some(1)));
    }

    #[test]
    fn an_empty_table_cell_keeps_its_place_in_the_row() {
        let mut t = Tree::document();
        let table = t.add(Kind::Table, Some(0));
        let row = t.add(Kind::TR, Some(table));
        let a = t.add(Kind::TD, Some(row));
        let b = t.add(Kind::TD, Some(row));
        let c = t.add(Kind::TD, Some(row));
        let s = assemble(&t, &[Marks { mcids: &[a, c], annots: &[] }]);
        let row_node = s.nodes.iter().find(|n| n.elem == row).unwrap();
        let cells: Vec<ElemId> = s
            .kids(row_node)
            .iter()
            .map(|k| match k {
                Kid::Node(i) => s.nodes[*i as usize].elem,
                _ => panic!("a row holds cells"),
            })
            .collect();
        assert_eq!(cells, [a, b, c]);
    }
}
