//! Internal: the procedural macros of `k8s-dsl`. Use them through the `k8s-dsl` crate, whose
//! documentation of `pod!`, `job!` and `cronjob!` describes the syntax key by key.
//!
//! One phase per module: `parse` (tokens to `ast`, recovering after a bad entry), `check`
//! (the key tables of `keys`, the shared rules, references), `expand` (builder calls). Errors
//! are collected in a `ctxt::Ctxt` and emitted together, each on its token.
//!
//! The validation rules are the crate `k8s-dsl-rules`, the same functions that `k8s_dsl::rules`
//! re-exports, so compile-time and run-time checks cannot drift apart.

mod ast;
mod check;
mod ctxt;
mod expand;
mod keys;
mod parse;
mod suggest;

use k8s_dsl_rules as rules;

use proc_macro::TokenStream;

/// Parses, checks and expands one macro call; on errors, emits all of them (and an expression
/// of type `!`, so no follow-up type error is reported).
fn run(
    input: TokenStream,
    check: fn(&ast::Block, &mut ctxt::Ctxt),
    expand: fn(&ast::Block, &mut ctxt::Ctxt) -> proc_macro2::TokenStream,
) -> TokenStream {
    let mut cx = ctxt::Ctxt::new();
    let body = parse::body(input.into(), &mut cx);
    check(&body, &mut cx);
    let expanded = if cx.is_ok() {
        expand(&body, &mut cx)
    } else {
        proc_macro2::TokenStream::new()
    };
    match cx.into_compile_errors() {
        Some(errors) => quote::quote!({ #errors loop {} }).into(),
        None => expanded.into(),
    }
}

/// The expansion is a chain of `k8s_dsl::pod::Pod` builder calls.
#[proc_macro]
pub fn pod(input: TokenStream) -> TokenStream {
    run(input, check::pod, expand::pod)
}

/// The expansion is a chain of `k8s_dsl::workload::Job` builder calls.
#[proc_macro]
pub fn job(input: TokenStream) -> TokenStream {
    run(input, check::job, expand::job)
}

/// The expansion is a chain of `k8s_dsl::workload::CronJob` builder calls.
#[proc_macro]
pub fn cronjob(input: TokenStream) -> TokenStream {
    run(input, check::cronjob, expand::cronjob)
}
