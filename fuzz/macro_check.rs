//! The check of the `macro_parse` target, shared with its regression test
//! (`tests/tests/fuzz_regressions_macro_parse.rs`): the bytes, as UTF-8 text that proc_macro2
//! can tokenize, are the body of a `pod!`, a `job!` and a `cronjob!` call, and go through the
//! macro crate's parser (`parse::body`) and checks (`check::pod`, `check::job`,
//! `check::cronjob`) and the rendering of their errors. None of it may panic; what the macros
//! report is their own business and is ignored here.
//!
//! A proc-macro crate cannot be a dependency, so the crate including this file declares the
//! macro crate's modules at its root with `#[path]` (`ast`, `check`, `ctxt`, `keys`, `parse`,
//! `rules`, `suggest`), as `k8s-dsl-macros/src/lib.rs` does; this file names them as `crate::`.

use proc_macro2::TokenStream;

use crate::ast::Block;
use crate::ctxt::Ctxt;

/// The checks of the three macros, in the order the target runs them.
const MACROS: [fn(&Block, &mut Ctxt); 3] =
    [crate::check::pod, crate::check::job, crate::check::cronjob];

/// Parses and checks `data` as the body of each macro. Inputs that are not UTF-8 or do not
/// tokenize are skipped (the compiler would refuse them before the macro runs).
pub fn check(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(tokens) = text.parse::<TokenStream>() else {
        return;
    };
    for check in MACROS {
        let mut cx = Ctxt::new();
        let body = crate::parse::body(tokens.clone(), &mut cx);
        check(&body, &mut cx);
        let _ = cx.is_ok();
        let _ = cx.into_compile_errors();
    }
}
