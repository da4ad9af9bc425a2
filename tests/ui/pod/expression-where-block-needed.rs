fn main() {
    let arch = k8s_dsl::pod::NodeTerm::new();
    let _pod = k8s_dsl::pod! {
        name: "web",
        affinity: { nodeAffinity: arch },
        containers: [ { name: "app", image: "nginx:1.27" } ],
    };
}
