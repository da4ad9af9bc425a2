// The expansion of this body, written by `tests/expansion_snapshots.rs`:
// name: "web", containers: [ { name: "app", image: "nginx:1.27" } ]

fn expansion() {
    let _ = ::k8s_dsl::pod::Pod::new("web")
        .container(::k8s_dsl::pod::Container::new("app").image("nginx:1.27"));
}
