fn main() {
    let _pod = k8s_dsl::pod! {
        name: "web",
        initContainers: [ {
            name: "migrate",
            image: "migrate:1.0",
            lifecycle: { postStart: { exec: { command: ["true"] } } },
        } ],
        containers: [ { name: "app", image: "nginx:1.27" } ],
    };
}
