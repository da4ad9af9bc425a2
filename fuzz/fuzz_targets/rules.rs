//! Fuzzes the rule parsers of `k8s_dsl::rules`: the first byte picks the parser, the rest is
//! the input; each result is compared with the reference grammar (see `checks/rules.rs`).
#![no_main]

#[allow(dead_code)]
#[path = "../checks/mod.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::rules::check(data));
