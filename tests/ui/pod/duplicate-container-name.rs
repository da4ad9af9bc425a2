fn main() {
    let _pod = k8s_dsl::pod! {
        name: "web",
        sidecars: [ { name: "app", image: "fluent/fluent-bit:3.0" } ],
        containers: [ { name: "app", image: "nginx:1.27" } ],
    };
}
