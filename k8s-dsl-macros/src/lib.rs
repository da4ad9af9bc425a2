//! Internal: the procedural macros of `k8s-dsl`. Use them through the `k8s-dsl` crate, whose
//! documentation of `pod!`, `job!`, `cronjob!`, `deployment!` and
//! `statefulset!` describes the syntax key by key.
//!
//! Each macro is an entry point over the plain library `k8s-dsl-syntax`, which parses, checks
//! and expands (and turns a panic of its own into a compile error that says it is a bug).

use proc_macro::TokenStream;

/// The expansion is a chain of `k8s_dsl::pod::Pod` builder calls.
#[proc_macro]
pub fn pod(input: TokenStream) -> TokenStream {
    k8s_dsl_syntax::pod(input.into()).into()
}

/// The expansion is a chain of `k8s_dsl::workload::Job` builder calls.
#[proc_macro]
pub fn job(input: TokenStream) -> TokenStream {
    k8s_dsl_syntax::job(input.into()).into()
}

/// The expansion is a chain of `k8s_dsl::workload::CronJob` builder calls.
#[proc_macro]
pub fn cronjob(input: TokenStream) -> TokenStream {
    k8s_dsl_syntax::cronjob(input.into()).into()
}

/// The expansion is a chain of `k8s_dsl::workload::Deployment` builder calls.
#[proc_macro]
pub fn deployment(input: TokenStream) -> TokenStream {
    k8s_dsl_syntax::deployment(input.into()).into()
}

/// The expansion is a chain of `k8s_dsl::workload::StatefulSet` builder calls.
#[proc_macro]
pub fn statefulset(input: TokenStream) -> TokenStream {
    k8s_dsl_syntax::statefulset(input.into()).into()
}
