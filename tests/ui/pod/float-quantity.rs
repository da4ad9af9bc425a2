fn main() {
    let _pod = k8s_dsl::pod! {
        name: "web",
        containers: [ { name: "app", image: "nginx:1.27", resources: { requests: { cpu: 0.5, memory: "64Mi" } } } ],
    };
}
