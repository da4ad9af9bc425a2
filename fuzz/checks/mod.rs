//! Checks shared by the fuzz targets (`fuzz/fuzz_targets/`), the regression test that replays
//! `fuzz/regressions/` on stable (`k8s-dsl/tests/fuzz_regressions.rs`) and the property tests
//! (`k8s-dsl/tests/rules_props.rs`, `emit_props.rs`). Each check panics (fuzz) or returns an
//! error (tests) when a property fails.

pub mod emit;
pub mod reference;
pub mod rules;
pub mod yaml11;
