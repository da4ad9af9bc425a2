//! Fuzzes the importer's whole pipeline: the bytes, as UTF-8 text, are a manifest file, read
//! and turned into code with and without `--macros`; nothing may panic, and the code must
//! parse into exactly the importer's items (see `import_check.rs`).
#![no_main]

#[path = "../import_check.rs"]
mod import_check;

libfuzzer_sys::fuzz_target!(|data: &[u8]| import_check::check(data));
