//! typst's compile loop (`typst::compile`), with what earlier layout passes left behind dropped
//! between passes.
//!
//! typst lays a document out again until its introspections (page numbers, running headers,
//! the contents) stop changing, three passes for a brochure. `typst::compile` keeps every
//! earlier document and the memo of every pass until the end, so a brochure of thousands of
//! pages held several layouts of each page at once (2,000 actors: about 5,600 pages, GBs). Here
//! only the earlier passes' introspectors are kept (all that the next pass and typst's
//! convergence warnings read), and, when `trim` is set, memo entries the last pass did not use
//! are evicted before the next one: the layout of an unchanged Steckbrief is reused from pass
//! to pass, the pages, headers and page references of an outdated pass are dropped. The result
//! is the same document, warnings and errors as `typst::compile` gives.

use std::collections::HashSet;
use std::sync::Arc;

use typst::World;
use typst::comemo::{self, Track, Tracked};
use typst::diag::{SourceDiagnostic, SourceResult, Warned};
use typst::ecow::{EcoString, EcoVec, eco_vec};
use typst::engine::{Engine, Route, Sink, Traced};
use typst::foundations::{Output, StyleChain, Target, TargetElem};
use typst::introspection::{EmptyIntrospector, Introspector, MAX_ITERS, analyze};
use typst::syntax::Span;
use typst::utils::{Protected, hash128};
use typst_layout::{PagedDocument, PagedIntrospector};

/// Compiles the world's main file to a paged document, as `typst::compile` does; with `trim`,
/// evicts memo entries that the last pass did not use before the next pass (only when no other
/// typst work shares the process's memo).
pub fn compile(world: &dyn World, trim: bool) -> Warned<SourceResult<PagedDocument>> {
    let mut sink = Sink::new();
    let traced = Traced::default();
    let output =
        compile_passes(world.track(), traced.track(), &mut sink, trim).map_err(deduplicate);
    Warned {
        output,
        warnings: sink.warnings(),
    }
}

/// typst's `compile_impl` for paged output, keeping introspectors instead of documents.
fn compile_passes(
    world: Tracked<dyn World + '_>,
    traced: Tracked<Traced>,
    sink: &mut Sink,
    trim: bool,
) -> SourceResult<PagedDocument> {
    let library = world.library();
    let base = StyleChain::new(&library.styles);
    let target = TargetElem::target.set(Target::Paged).wrap();
    let styles = base.chain(&target);
    let main = world.source(world.main()).map_err(|err| {
        eco_vec![SourceDiagnostic::error(
            Span::detached(),
            EcoString::from(err)
        )]
    })?;
    let content = typst_eval::eval(
        world,
        library,
        traced,
        sink.track_mut(),
        Route::default().track(),
        &main,
    )?
    .content();

    let empty = EmptyIntrospector;
    // The introspectors of the earlier passes, oldest first.
    let mut earlier: Vec<Arc<PagedIntrospector>> = Vec::new();
    loop {
        let constraint = comemo::Constraint::new();
        let mut subsink = Sink::new();
        let document = {
            let introspector: &dyn Introspector = match earlier.last() {
                Some(last) => last.as_ref(),
                None => &empty,
            };
            let mut engine = Engine {
                library,
                world,
                introspector: Protected::new(introspector.track_with(&constraint)),
                traced,
                sink: subsink.track_mut(),
                route: Route::default(),
            };
            PagedDocument::create(&mut engine, &content, styles)?
        };
        if constraint.validate(Output::introspector(&document)) {
            sink.extend_from_sink(subsink);
            break finish(sink, document);
        }
        if earlier.len() == MAX_ITERS - 1 {
            // Not converged: typst's warnings name what kept changing.
            let mut introspectors = [&empty as &dyn Introspector; MAX_ITERS + 1];
            for (slot, introspector) in introspectors[1..].iter_mut().zip(&earlier) {
                *slot = introspector.as_ref();
            }
            introspectors[MAX_ITERS] = Output::introspector(&document);
            let warnings = analyze(world, introspectors, subsink.introspections());
            sink.extend_from_sink(subsink);
            for warning in warnings {
                sink.warn(warning);
            }
            break finish(sink, document);
        }
        earlier.push(document.introspector().clone());
        drop(document);
        if trim {
            comemo::evict(1);
        }
    }
}

/// The document, unless errors were delayed to the end of layout.
fn finish(sink: &mut Sink, document: PagedDocument) -> SourceResult<PagedDocument> {
    let delayed = sink.delayed();
    if delayed.is_empty() {
        Ok(document)
    } else {
        Err(delayed)
    }
}

/// Each error once, as `typst::compile` reports them.
fn deduplicate(mut diagnostics: EcoVec<SourceDiagnostic>) -> EcoVec<SourceDiagnostic> {
    let mut seen = HashSet::new();
    diagnostics.retain(|d| seen.insert(hash128(&(&d.span, &d.message))));
    diagnostics
}
