//! The k8s-dsl book, compiled: each chapter of `book/src` is the documentation of one module
//! below, so `cargo test -p k8s-dsl-book` compiles and runs every Rust sample in the book.
//! Samples are never `ignore`d: a sample that must not compile is `compile_fail`, one that must
//! not run is `no_run`.

include!(concat!(env!("OUT_DIR"), "/chapters.rs"));
