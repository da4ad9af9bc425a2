//! Fuzzes the YAML emitter: the bytes describe a tree of maps, lists and hostile strings,
//! which must read back equal through serde_yaml and serde_json (see `checks/emit.rs`).
#![no_main]

#[allow(dead_code)]
#[path = "../checks/mod.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::emit::check(data));
