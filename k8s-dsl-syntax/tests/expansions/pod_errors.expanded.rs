// The expansion of this body, written by `tests/expansion_snapshots.rs`:
// name: "Web_1", lables: {}, containers: [ { name: "app" } ]

fn expansion() {
    let _ = {
        ::core::compile_error! {
            "pod name `Web_1` contains uppercase letters and may not contain `_`; use `web-1` (rule 1)"
        }
        ::core::compile_error! {
            "unknown key `lables` in pod; did you mean `labels`?"
        }
        ::core::compile_error! {
            "missing key `image` in container; add `image: \"...\"`"
        }
        ::k8s_dsl::pod::Pod::new("")
    };
}
