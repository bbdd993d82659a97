//! Puts back together the pieces of shaped text that typst splits only to raise marks, so that
//! copying Arabic or Persian out of the brochure gives each letter and mark once.
//!
//! typst-layout 0.15.1 (`src/inline/shaping.rs`, `ShapedText::build`) emits one [`TextItem`]
//! per run of glyphs with the same `(font, y_offset, size)` and moves the whole item by the
//! offset instead of giving its glyphs a `y_offset`. A mark that the font raises over its
//! letter (shadda, tanwin, damma: GPOS mark-to-base) becomes an item of its own, and since an
//! item's text is the union of its glyphs' clusters, the letter's item and the mark's item both
//! carry the whole cluster "ثً". typst-pdf writes both, so poppler copies the cluster twice,
//! once as a stray word ("ًث" beside the line) and PDFium repeats letters ("تفاُتُتح").
//!
//! [`rejoin`] merges such pieces back into one item before the PDF is written: consecutive text
//! items of one style where each starts where the previous ends and shares a cluster with it
//! (items that only touch, such as runs of two scripts, repeat nothing), each glyph keeping its height
//! as its own `y_offset` (which typst-pdf hands to krilla), so the print is unchanged. The
//! merged text is rebuilt from where each piece lies in its source text: a glyph's `span.1` is
//! its cluster's byte offset in the text segment it comes from (for text from `data.json` the
//! span itself is detached, the offset is still exact within the segment). Pieces are merged
//! only when their texts agree where they overlap and leave no gap, their clusters run in one
//! direction and tile the text, and a cluster two pieces share is one letter and its marks;
//! anything else stays as typst laid it out ([`shared_clusters`] says why that cannot join two
//! different segments).
//!
//! In a cluster that was split, the letter's glyph carries the cluster's text and the marks'
//! glyphs carry none (an empty range): the PDF then maps the one letter glyph, at the baseline,
//! to "ثً". An `/ActualText` span over mark and letter would do as well for Acrobat, but poppler
//! starts that span at the raised mark and breaks the word there ("حديًث ا").
//!
//! What is left is poppler's: it spreads a glyph's several characters left to right over the
//! glyph and then reverses the right-to-left line, so it reads a mark before its letter
//! ("حديًثا"); the same happens for every PDF writer that maps a cluster to one glyph. PDFium
//! ignores `/ActualText` and guesses a character for a glyph without `ToUnicode` text, so it
//! shows a stray Latin letter for such a mark (it repeated the letter before).

use typst::layout::{Abs, Em, Frame, FrameItem, GroupItem, Point};
use typst::model::Document;
use typst::syntax::Span;
use typst::text::{Glyph, TextItem};
use typst_layout::{Page, PagedDocument};

/// `document` with the pieces of every shaped run that typst split only by height merged back
/// into one text item each, or `None` if there are none (then `document` is already right).
pub fn rejoin(document: &PagedDocument) -> Option<PagedDocument> {
    let rejoined: Vec<Option<Frame>> = document
        .pages()
        .iter()
        .map(|page| rejoin_frame(&page.frame))
        .collect();
    if rejoined.iter().all(Option::is_none) {
        return None;
    }
    let pages = document
        .pages()
        .iter()
        .zip(rejoined)
        .map(|(page, frame)| Page {
            frame: frame.unwrap_or_else(|| page.frame.clone()),
            ..page.clone()
        })
        .collect();
    Some(PagedDocument::new(pages, document.info().clone()))
}

/// `frame` with its split runs merged (in nested groups too), or `None` if it has none.
fn rejoin_frame(frame: &Frame) -> Option<Frame> {
    let items: Vec<&(Point, FrameItem)> = frame.items().collect();
    // Filled from the first change on; until then the frame keeps its own items.
    let mut out: Option<Vec<(Point, FrameItem)>> = None;
    let mut i = 0;
    while i < items.len() {
        let (replacement, next) = rejoin_at(&items, i);
        match (replacement, &mut out) {
            (Some(new), out) => out
                .get_or_insert_with(|| items[..i].iter().map(|&item| item.clone()).collect())
                .push(new),
            (None, Some(out)) => out.extend(items[i..next].iter().map(|&item| item.clone())),
            (None, None) => {}
        }
        i = next;
    }
    out.map(|out| {
        let mut frame = frame.clone();
        frame.clear();
        frame.push_multiple(out);
        frame
    })
}

/// What replaces the items from `i` on (a merged run, or a group with merged runs inside; `None`
/// if they stay) and the index after them.
fn rejoin_at(items: &[&(Point, FrameItem)], i: usize) -> (Option<(Point, FrameItem)>, usize) {
    let (pos, item) = items[i];
    match item {
        FrameItem::Text(text) => {
            // Most items have no piece beside them: decide that before copying any text.
            let touches = matches!(items.get(i + 1), Some((next_pos, FrameItem::Text(next)))
                if continues(text, pos.x + text.width(), *next_pos, next));
            let Some(mut run) = touches.then(|| Run::start(*pos, text)).flatten() else {
                return (None, i + 1);
            };
            let mut end = i + 1;
            while let Some((next_pos, FrameItem::Text(next))) = items.get(end).copied()
                && run.extend(*next_pos, next)
            {
                end += 1;
            }
            if end == i + 1 {
                return (None, end);
            }
            (run.finish(), end)
        }
        FrameItem::Group(group) => {
            let frame = rejoin_frame(&group.frame);
            let group = frame.map(|frame| {
                let group = GroupItem {
                    frame,
                    ..group.clone()
                };
                (*pos, FrameItem::Group(group))
            });
            (group, i + 1)
        }
        _ => (None, i + 1),
    }
}

/// Whether `next` at `pos` can continue a run in the style of `first` that ends at `end_x`:
/// the same font, size, paint and language, and it starts where the run ends.
fn continues(first: &TextItem, end_x: Abs, pos: Point, next: &TextItem) -> bool {
    next.font == first.font
        && next.size == first.size
        && next.fill == first.fill
        && next.stroke == first.stroke
        && next.lang == first.lang
        && next.region == first.region
        && pos.x.approx_eq(end_x)
}

/// Pieces of one shaped run being merged: their source text so far (bytes `start..` of the
/// text element `span`) and their glyphs, re-based onto it.
struct Run<'a> {
    pos: Point,
    first: &'a TextItem,
    width: Abs,
    span: Span,
    start: usize,
    text: Vec<u8>,
    /// Each piece with the source offset of its text and its height above the first.
    pieces: Vec<(&'a TextItem, usize, Abs)>,
    /// Whether cluster offsets rise (left-to-right text) or fall, once two differ.
    rising: Option<bool>,
    last_cluster: usize,
}

impl<'a> Run<'a> {
    /// A run starting with `item`, if its source position is known.
    fn start(pos: Point, item: &'a TextItem) -> Option<Self> {
        let (span, start) = source(item)?;
        let mut run = Run {
            pos,
            first: item,
            width: item.width(),
            span,
            start,
            text: item.text.as_bytes().to_vec(),
            pieces: vec![(item, start, Abs::zero())],
            rising: None,
            last_cluster: start + usize::from(item.glyphs.first()?.range.start),
        };
        run.follows(item, start).then_some(run)
    }

    /// Adds `item` at `pos` if it is the next piece of this run (it continues the run on the line
    /// and shares a cluster with it); else leaves the run as it was.
    fn extend(&mut self, pos: Point, item: &'a TextItem) -> bool {
        if !continues(self.first, self.pos.x + self.width, pos, item) {
            return false;
        }
        let Some((span, start)) = source(item) else {
            return false;
        };
        let end = start + item.text.len();
        let known = self.start..self.start + self.text.len();
        // The pieces' texts must overlap (share a cluster: pieces that only touch repeat
        // nothing and stay apart) and agree where they do.
        if span != self.span || start >= known.end || end <= known.start {
            return false;
        }
        let overlap = start.max(known.start)..end.min(known.end);
        if item.text.as_bytes()[overlap.start - start..overlap.end - start]
            != self.text[overlap.start - known.start..overlap.end - known.start]
        {
            return false;
        }
        let (rising, last_cluster) = (self.rising, self.last_cluster);
        if !self.follows(item, start) {
            (self.rising, self.last_cluster) = (rising, last_cluster);
            return false;
        }
        if start < known.start {
            let before = &item.text.as_bytes()[..known.start - start];
            self.text.splice(0..0, before.iter().copied());
            self.start = start;
        }
        if end > known.end {
            self.text
                .extend_from_slice(&item.text.as_bytes()[known.end - start..]);
        }
        self.width += item.width();
        self.pieces.push((item, start, self.pos.y - pos.y));
        true
    }

    /// Whether `item`'s clusters (its text starting at source offset `start`) continue the
    /// run's direction; records them.
    fn follows(&mut self, item: &TextItem, start: usize) -> bool {
        for glyph in &item.glyphs {
            let cluster = start + usize::from(glyph.range.start);
            if cluster != self.last_cluster {
                let rising = cluster > self.last_cluster;
                if *self.rising.get_or_insert(rising) != rising {
                    return false;
                }
                self.last_cluster = cluster;
            }
        }
        true
    }

    /// The merged item and its position (the first piece's), if its glyphs' clusters are
    /// sound; else `None` (then the pieces stay as they are).
    fn finish(self) -> Option<(Point, FrameItem)> {
        // The glyphs address the merged text with `u16` ranges.
        u16::try_from(self.text.len()).ok()?;
        let size = self.first.size;
        let mut glyphs = Vec::new();
        let mut piece_of = Vec::new();
        for (piece, (item, start, raised)) in self.pieces.iter().enumerate() {
            let shift = start - self.start;
            glyphs.extend(item.glyphs.iter().map(|glyph| Glyph {
                range: rebase(glyph.range.start, shift)..rebase(glyph.range.end, shift),
                y_offset: glyph.y_offset + Em::from_abs(*raised, size),
                ..glyph.clone()
            }));
            piece_of.extend(std::iter::repeat_n(piece, item.glyphs.len()));
        }
        // A cluster that typst split is one letter (the glyph that advances) and its marks:
        // the letter carries the cluster's text, the marks none. See the module docs.
        for block in shared_clusters(&glyphs, &piece_of, self.text.len())? {
            for glyph in &mut glyphs[block] {
                if glyph.x_advance == Em::zero() {
                    glyph.range = glyph.range.end..glyph.range.end;
                }
            }
        }
        let text = String::from_utf8(self.text).ok()?;
        let item = TextItem {
            text: text.into(),
            glyphs,
            ..self.first.clone()
        };
        Some((self.pos, FrameItem::Text(item)))
    }
}

/// The glyph ranges of the clusters that two pieces share, if the merged `glyphs` (from the
/// pieces `piece_of`) have clusters as one shaped run has: each cluster's glyphs in one block,
/// the clusters tiling the text (`len` bytes), and each shared cluster one letter (the one
/// glyph that advances) and its marks; else `None`.
///
/// The last rule keeps apart two segments of one run (two text elements, e.g. two fields of
/// `data.json`, whose offsets each count from their own start and may both be detached): a
/// piece from the next segment can only seem to continue the text if its first cluster seems
/// to be the previous piece's last one, equal text at an equal offset. Two copies of a cluster
/// have its letter twice, or (a cluster of marks alone) no letter, so they never pass.
fn shared_clusters(
    glyphs: &[Glyph],
    piece_of: &[usize],
    len: usize,
) -> Option<Vec<std::ops::Range<usize>>> {
    // (its glyphs, the piece of its first glyph, whether another piece has some of it, the
    // number of its glyphs that advance)
    let mut blocks: Vec<(std::ops::Range<usize>, usize, bool, usize)> = Vec::new();
    for (i, (glyph, &piece)) in glyphs.iter().zip(piece_of).enumerate() {
        let spacing = usize::from(glyph.x_advance != Em::zero());
        match blocks.last_mut() {
            Some((block, first, shared, spacings)) if glyphs[block.start].range == glyph.range => {
                block.end = i + 1;
                *shared |= *first != piece;
                *spacings += spacing;
            }
            _ => blocks.push((i..i + 1, piece, false, spacing)),
        }
    }
    if blocks
        .iter()
        .any(|(_, _, shared, spacings)| *shared && *spacings != 1)
    {
        return None;
    }
    // Sorted, a cluster in two blocks shows up as a range that does not end where the next
    // starts.
    let mut ranges: Vec<_> = blocks
        .iter()
        .map(|(block, ..)| glyphs[block.start].range.clone())
        .collect();
    ranges.sort_by_key(|range| (range.start, range.end));
    let tiled = ranges.windows(2).all(|pair| pair[0].end == pair[1].start)
        && ranges.first().is_some_and(|r| r.start == 0)
        && ranges.last().is_some_and(|r| usize::from(r.end) == len);
    tiled.then(|| {
        blocks
            .into_iter()
            .filter(|(_, _, shared, _)| *shared)
            .map(|(block, ..)| block)
            .collect()
    })
}

/// `offset` moved by `shift`; it fits, as the merged text's length does.
fn rebase(offset: u16, shift: usize) -> u16 {
    u16::try_from(usize::from(offset) + shift).unwrap_or(u16::MAX)
}

/// The text element `item`'s text comes from and the byte offset of its text there, if every
/// glyph says the same and the offsets are exact (not cut off at `u16::MAX`).
fn source(item: &TextItem) -> Option<(Span, usize)> {
    let mut found = None;
    for glyph in &item.glyphs {
        let (span, offset) = glyph.span;
        if offset == u16::MAX {
            return None;
        }
        let start = usize::from(offset).checked_sub(usize::from(glyph.range.start))?;
        if *found.get_or_insert((span, start)) != (span, start) {
            return None;
        }
    }
    let (span, start) = found?;
    // Merged texts stay addressable by the glyphs' `u16` ranges.
    (start + item.text.len() < usize::from(u16::MAX)).then_some((span, start))
}

#[cfg(test)]
mod tests {
    use super::*;
    use typst::layout::Size;
    use typst::text::{FontVariant, FontVariations, Lang};
    use typst::visualize::{Color, Paint};

    const SIZE: f64 = 10.0;

    /// A text item in the bundled Arabic font: `text` and its glyphs as (id, advance in em,
    /// range in `text`, the cluster's offset in its segment).
    fn item(text: &str, glyphs: &[(u16, f64, std::ops::Range<u16>, u16)]) -> TextItem {
        let font = crate::fonts::shared()
            .fonts
            .iter()
            .find(|f| f.info().family.contains("Naskh"))
            .unwrap()
            .clone()
            .instantiate(
                FontVariant::default(),
                Abs::pt(SIZE),
                &FontVariations::default(),
            );
        TextItem {
            font,
            size: Abs::pt(SIZE),
            fill: Paint::Solid(Color::BLACK),
            stroke: None,
            lang: Lang::ARABIC,
            region: None,
            text: text.into(),
            glyphs: glyphs
                .iter()
                .map(|(id, advance, range, offset)| Glyph {
                    id: *id,
                    x_advance: Em::new(*advance),
                    x_offset: Em::zero(),
                    y_advance: Em::zero(),
                    y_offset: Em::zero(),
                    range: range.clone(),
                    span: (Span::detached(), *offset),
                })
                .collect(),
        }
    }

    fn frame(items: Vec<(f64, f64, TextItem)>) -> Frame {
        let mut frame = Frame::soft(Size::new(Abs::pt(100.0), Abs::pt(20.0)));
        for (x, y, item) in items {
            frame.push(Point::new(Abs::pt(x), Abs::pt(y)), FrameItem::Text(item));
        }
        frame
    }

    fn texts(frame: &Frame) -> Vec<(Point, TextItem)> {
        frame
            .items()
            .filter_map(|(pos, item)| match item {
                FrameItem::Text(text) => Some((*pos, text.clone())),
                _ => None,
            })
            .collect()
    }

    fn split_word_alef() -> TextItem {
        item("ا", &[(4, 0.3, 0..2, 10)])
    }

    /// "حديثًا" as typst 0.15.1 lays it out (right to left, glyphs in visual order): the alef,
    /// the raised tanwin alone, and the rest, the tanwin's cluster "ثً" in both of the last two.
    fn split_word() -> Frame {
        frame(vec![
            (0.0, 10.0, split_word_alef()),
            (3.0, 9.0, item("ثً", &[(1404, 0.0, 0..4, 6)])),
            (
                3.0,
                10.0,
                item(
                    "حديثً",
                    &[
                        (67, 0.4, 6..10, 6),
                        (577, 0.3, 4..6, 4),
                        (182, 0.3, 2..4, 2),
                        (140, 0.5, 0..2, 0),
                    ],
                ),
            ),
        ])
    }

    #[test]
    fn a_raised_mark_rejoins_its_letter_once_and_keeps_its_height() {
        let merged = rejoin_frame(&split_word()).expect("merged");
        let texts = texts(&merged);
        // The alef shares no cluster with the tanwin: it stays as it was.
        assert_eq!(texts.len(), 2);
        assert_eq!(texts[0].1, split_word_alef());
        let (pos, item) = &texts[1];
        assert_eq!(item.text, "حديثً");
        assert_eq!(*pos, Point::new(Abs::pt(3.0), Abs::pt(9.0)));
        let glyphs: Vec<_> = item
            .glyphs
            .iter()
            .map(|g| (g.id, g.range.clone(), (g.y_offset.get() * SIZE).round()))
            .collect();
        // The item sits where the tanwin sat, the letters 1 pt lower; the letter ث carries "ثً",
        // the tanwin nothing, so each character is in the PDF once.
        assert_eq!(
            glyphs,
            vec![
                (1404, 10..10, 0.0),
                (67, 6..10, -1.0),
                (577, 4..6, -1.0),
                (182, 2..4, -1.0),
                (140, 0..2, -1.0),
            ]
        );
        assert_eq!(item.width(), Abs::pt(15.0));
    }

    #[test]
    fn nothing_to_merge_leaves_the_frame_alone() {
        let apart = frame(vec![
            (0.0, 10.0, item("ا", &[(4, 0.3, 0..2, 10)])),
            // A gap of 1 pt: a word space, not a piece of the same run.
            (4.0, 10.0, item("ح", &[(140, 0.5, 0..2, 0)])),
        ]);
        assert!(rejoin_frame(&apart).is_none());
        // Side by side but sharing no cluster (typst shapes each script on its own): nothing
        // is repeated, nothing to do.
        let scripts = frame(vec![
            (
                0.0,
                10.0,
                item(
                    "IQ ",
                    &[(44, 0.4, 0..1, 0), (52, 0.8, 1..2, 1), (3, 0.3, 2..3, 2)],
                ),
            ),
            (15.0, 10.0, item("у", &[(476, 0.6, 0..2, 3)])),
        ]);
        assert!(rejoin_frame(&scripts).is_none());
    }

    #[test]
    fn pieces_that_disagree_on_their_text_stay_apart() {
        // The last piece claims other text where it overlaps the tanwin's piece.
        let mut word = texts(&split_word());
        word[2].1.text = "حديبً".into();
        let frame = frame(
            word.into_iter()
                .map(|(pos, item)| (pos.x.to_pt(), pos.y.to_pt(), item))
                .collect(),
        );
        let kept = rejoin_frame(&frame).map_or_else(|| texts(&frame), |f| texts(&f));
        assert!(kept.iter().any(|(_, item)| item.text == "حديبً"));
        assert!(
            kept.iter()
                .all(|(_, item)| !item.text.contains('ا') || !item.text.contains('ب'))
        );
    }

    #[test]
    fn two_segments_with_the_same_cluster_are_not_taken_for_one() {
        // "ثًثً" from two text elements, each "ثً" at offset 0 of its own (detached) segment:
        // equal text at equal offsets, but merged the cluster would have its letter twice.
        let mark = || item("ثً", &[(1404, 0.0, 0..4, 0)]);
        let letter = || item("ثً", &[(67, 0.4, 0..4, 0)]);
        let doubled = frame(vec![
            (0.0, 9.0, mark()),
            (0.0, 10.0, letter()),
            (4.0, 9.0, mark()),
            (4.0, 10.0, letter()),
        ]);
        let texts = rejoin_frame(&doubled).map_or_else(|| texts(&doubled), |f| texts(&f));
        let copies: usize = texts
            .iter()
            .map(|(_, item)| item.text.matches('ث').count())
            .sum();
        assert!(
            copies >= 2,
            "{:?}",
            texts.iter().map(|(_, i)| &i.text).collect::<Vec<_>>()
        );
    }
}
