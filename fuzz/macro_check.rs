//! The check of the `macro_parse` target, shared with its regression test
//! (`tests/tests/fuzz_regressions_macro_parse.rs`): the bytes, as UTF-8 text that proc_macro2
//! can tokenize, are the body of each macro call (`pod!`, `job!`, `cronjob!`, `deployment!`).
//! They go through the parser (`parse::body`) and checks (`check::pod` and the others) of the
//! library `k8s-dsl-syntax` and the rendering of their errors, then through the whole macro
//! (`k8s_dsl_syntax::run_unguarded`: expansion included, panics not caught). None of it may
//! panic; what the macros report is their own business and is ignored here.

use proc_macro2::TokenStream;

use k8s_dsl_syntax::ast::Block;
use k8s_dsl_syntax::ctxt::Ctxt;
use k8s_dsl_syntax::{check, parse};

/// The checks of the macros, in the order the target runs them.
const MACROS: [fn(&Block, &mut Ctxt); 4] =
    [check::pod, check::job, check::cronjob, check::deployment];

/// Parses, checks and expands `data` as the body of each macro. Inputs that are not UTF-8 or
/// do not tokenize are skipped (the compiler would refuse them before the macro runs).
pub fn check(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(tokens) = text.parse::<TokenStream>() else {
        return;
    };
    for check in MACROS {
        let mut cx = Ctxt::new();
        let body = parse::body(tokens.clone(), &mut cx);
        check(&body, &mut cx);
        let _ = cx.is_ok();
        let _ = cx.into_compile_errors();
    }
    for (_, phases) in k8s_dsl_syntax::MACROS {
        let _ = k8s_dsl_syntax::run_unguarded(tokens.clone(), phases);
    }
}
