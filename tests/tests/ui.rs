//! Compile-time errors of `pod!`, `job!`, `cronjob!`, `deployment!` and `statefulset!`: one
//! file per error kind under `ui/<macro>/` (in the tests package), each with the `.stderr`
//! rustc prints, and the pass cases.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.pass("ui/pass/*.rs");
    // Every example written with the macros is a pass case too (it compiles and runs).
    cases.pass("../examples/*_macro.rs");
    cases.compile_fail("ui/pod/*.rs");
    cases.compile_fail("ui/job/*.rs");
    cases.compile_fail("ui/cronjob/*.rs");
    cases.compile_fail("ui/deployment/*.rs");
    cases.compile_fail("ui/statefulset/*.rs");
}
