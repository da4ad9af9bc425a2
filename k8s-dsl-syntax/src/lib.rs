//! The syntax of k8s-dsl's macros as a plain library: `k8s-dsl-macros` holds only the entry
//! points, which call [`pod`], [`job`] and [`cronjob`] here. Being an ordinary crate, the
//! parser and checks are unit tested, fuzzed (`fuzz/fuzz_targets/macro_parse.rs`) and used by
//! the importer without compiling another crate's files.
//!
//! One phase per module: [`parse`] (tokens to [`ast`], recovering after a bad entry),
//! [`check`] (the key tables of [`keys`], the shared rules, references), [`expand`] (builder
//! calls). Errors are collected in a [`ctxt::Ctxt`] and emitted together, each on its token.
//!
//! The validation rules are the crate `k8s-dsl-rules`, the same functions that `k8s_dsl::rules`
//! re-exports, so compile-time and run-time checks cannot drift apart.
//!
//! ```
//! let body: proc_macro2::TokenStream =
//!     r#"name: "web", containers: [{ name: "app", image: "nginx:1.27" }]"#.parse().unwrap();
//! let expansion = k8s_dsl_syntax::pod(body).to_string();
//! assert!(expansion.starts_with(":: k8s_dsl :: pod :: Pod :: new (\"web\")"));
//!
//! let wrong: proc_macro2::TokenStream = r#"name: "Web", containers: []"#.parse().unwrap();
//! assert!(k8s_dsl_syntax::pod(wrong).to_string().contains("compile_error"));
//! ```

pub mod ast;
pub mod check;
pub mod ctxt;
pub mod expand;
pub mod keys;
pub mod parse;
pub mod suggest;

use k8s_dsl_rules as rules;

use proc_macro2::TokenStream;

/// What the macros print when their own code panics: the panic is a bug of k8s-dsl, never of
/// the macro call, and the user is told so instead of seeing "proc macro panicked".
pub const BUG_MESSAGE: &str = "this is a bug in k8s-dsl's macros, not in your code: \
please report it on the k8s-dsl issue tracker with this macro call";

/// The phases of one macro: its checks and its expansion.
#[derive(Clone, Copy)]
pub struct Phases {
    /// The checks of the parsed body (errors go to the `Ctxt`).
    pub check: fn(&ast::Block, &mut ctxt::Ctxt),
    /// The expansion of a body that passed its checks.
    pub expand: fn(&ast::Block, &mut ctxt::Ctxt) -> TokenStream,
    /// What a call with errors expands to after them: a value of the type the expansion has
    /// (the builder, never run, since the crate does not compile), so code after the call
    /// type-checks as written and is not unreachable.
    pub fallback: fn() -> TokenStream,
}

/// `pod!`.
pub const POD: Phases = Phases {
    check: check::pod,
    expand: expand::pod,
    fallback: || quote::quote!(::k8s_dsl::pod::Pod::new("")),
};

/// `job!`.
pub const JOB: Phases = Phases {
    check: check::job,
    expand: expand::job,
    fallback: || quote::quote!(::k8s_dsl::workload::Job::new("")),
};

/// `cronjob!`.
pub const CRONJOB: Phases = Phases {
    check: check::cronjob,
    expand: expand::cronjob,
    fallback: || quote::quote!(::k8s_dsl::workload::CronJob::new("", "")),
};

/// `deployment!`.
pub const DEPLOYMENT: Phases = Phases {
    check: check::deployment,
    expand: expand::deployment,
    fallback: || quote::quote!(::k8s_dsl::workload::Deployment::new("")),
};

/// `statefulset!`.
pub const STATEFULSET: Phases = Phases {
    check: check::statefulset,
    expand: expand::statefulset,
    fallback: || quote::quote!(::k8s_dsl::workload::StatefulSet::new("")),
};

/// Every macro with its name, for tests and tools that go through all of them.
pub const MACROS: [(&str, Phases); 5] = [
    ("pod", POD),
    ("job", JOB),
    ("cronjob", CRONJOB),
    ("deployment", DEPLOYMENT),
    ("statefulset", STATEFULSET),
];

/// Parses, checks and expands one macro call; on errors, emits all of them followed by the
/// macro's [`Phases::fallback`], a value of the expansion's type. That value, unlike an
/// expression of type `!` (`loop {}`), reports no follow-up type error and leaves the code after
/// the call reachable (no `unreachable statement` warning over the whole call). A panic is not
/// caught: the fuzz target calls this to find one; the macros call [`run`].
pub fn run_unguarded(input: TokenStream, phases: Phases) -> TokenStream {
    let mut cx = ctxt::Ctxt::new();
    let body = parse::body(input, &mut cx);
    (phases.check)(&body, &mut cx);
    let expanded = if cx.is_ok() {
        (phases.expand)(&body, &mut cx)
    } else {
        TokenStream::new()
    };
    match cx.into_compile_errors() {
        Some(errors) => {
            let fallback = (phases.fallback)();
            quote::quote!({ #errors #fallback })
        }
        None => expanded,
    }
}

/// [`run_unguarded`], with a panic in any phase turned into a compile error that says it is a
/// bug ([`BUG_MESSAGE`]), as the macros emit it.
pub fn run(input: TokenStream, phases: Phases) -> TokenStream {
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        run_unguarded(input, phases)
    }));
    result.unwrap_or_else(|payload| {
        let detail = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let message = format!("{BUG_MESSAGE} (panic: {detail})");
        let fallback = (phases.fallback)();
        quote::quote!({
            ::core::compile_error!(#message);
            #fallback
        })
    })
}

/// `pod! { ... }`: the expansion is a chain of `k8s_dsl::pod::Pod` builder calls, or the
/// compile errors of the body.
pub fn pod(input: TokenStream) -> TokenStream {
    run(input, POD)
}

/// `job! { ... }`: the expansion is a chain of `k8s_dsl::workload::Job` builder calls, or the
/// compile errors of the body.
pub fn job(input: TokenStream) -> TokenStream {
    run(input, JOB)
}

/// `cronjob! { ... }`: the expansion is a chain of `k8s_dsl::workload::CronJob` builder
/// calls, or the compile errors of the body.
pub fn cronjob(input: TokenStream) -> TokenStream {
    run(input, CRONJOB)
}

/// `deployment! { ... }`: the expansion is a chain of `k8s_dsl::workload::Deployment`
/// builder calls, or the compile errors of the body.
pub fn deployment(input: TokenStream) -> TokenStream {
    run(input, DEPLOYMENT)
}

/// `statefulset! { ... }`: the expansion is a chain of `k8s_dsl::workload::StatefulSet`
/// builder calls, or the compile errors of the body.
pub fn statefulset(input: TokenStream) -> TokenStream {
    run(input, STATEFULSET)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panicking_phase_is_a_compile_error_that_says_it_is_a_bug() {
        fn boom(_: &ast::Block, _: &mut ctxt::Ctxt) {
            #[allow(clippy::panic)]
            {
                panic!("deliberate");
            }
        }
        let phases = Phases { check: boom, ..POD };
        let out = run(quote::quote!(name: "x"), phases).to_string();
        assert!(out.contains("compile_error"), "{out}");
        assert!(out.contains("bug in k8s-dsl"), "{out}");
        assert!(out.contains("deliberate"), "{out}");
    }

    fn errors_of(body: &str) -> String {
        let tokens: TokenStream = body.parse().unwrap_or_default();
        pod(tokens).to_string()
    }

    #[test]
    fn yaml_pasted_as_it_is_is_one_error_and_keys_with_dashes_are_not_yaml() {
        for yaml in [
            "name: web\ncontainers:\n\t- name: app\n\t  image: nginx\n\t- name: log\n\t  image: busybox",
            "name: \"web\", containers: [ - name: app ]",
            "name: \"web\", securityContext:\n  runAsUser: 1000, containers: []",
        ] {
            let out = errors_of(yaml);
            assert_eq!(out.matches("compile_error").count(), 1, "{yaml}: {out}");
            assert!(out.contains("this is YAML"), "{yaml}: {out}");
        }
        let out = errors_of(
            "name: \"web\", labels: { app-name: \"x\", team: \"a\" }, containers: [ { name: \"a\", image: \"nginx\" } ]",
        );
        assert!(!out.contains("this is YAML"), "{out}");
        assert!(out.contains("with quotes"), "{out}");
    }

    #[test]
    fn errors_are_compile_errors_followed_by_a_value_of_the_builder_type() {
        for (name, phases) in MACROS {
            let out = run(quote::quote!(name: "Bad_Name"), phases).to_string();
            assert!(out.contains("compile_error"), "{name}: {out}");
            // `loop {}` would make every statement after the call unreachable (a warning).
            assert!(!out.contains("loop"), "{name}: {out}");
            let fallback = (phases.fallback)().to_string();
            assert!(out.ends_with(&format!("{fallback} }}")), "{name}: {out}");
        }
    }
}
