//! Fuzzes the parser and checks of the `pod!`, `job!` and `cronjob!` macros: the bytes, as text
//! tokenized by proc_macro2, are a macro body; parsing and checking must never panic (see
//! `macro_check.rs`). They are those of the library `k8s-dsl-syntax`, which the macros call.
#![no_main]

#[path = "../macro_check.rs"]
mod macro_check;

libfuzzer_sys::fuzz_target!(|data: &[u8]| macro_check::check(data));
