//! Fuzzes the parser and checks of the `pod!`, `job!` and `cronjob!` macros: the bytes, as text
//! tokenized by proc_macro2, are a macro body; parsing and checking must never panic (see
//! `macro_check.rs`). The macro crate's modules are compiled here from its sources, since a
//! proc-macro crate cannot be a dependency.
#![no_main]

#[allow(dead_code)]
#[path = "../../k8s-dsl-macros/src/ast.rs"]
mod ast;
#[allow(dead_code)]
#[path = "../../k8s-dsl-macros/src/check/mod.rs"]
mod check;
#[allow(dead_code)]
#[path = "../../k8s-dsl-macros/src/ctxt.rs"]
mod ctxt;
#[allow(dead_code)]
#[path = "../../k8s-dsl-macros/src/keys.rs"]
mod keys;
#[allow(dead_code)]
#[path = "../../k8s-dsl-macros/src/parse.rs"]
mod parse;
use k8s_dsl::rules;
#[allow(dead_code)]
#[path = "../../k8s-dsl-macros/src/suggest.rs"]
mod suggest;

#[path = "../macro_check.rs"]
mod macro_check;

libfuzzer_sys::fuzz_target!(|data: &[u8]| macro_check::check(data));
