fn main() {
    let _pod = k8s_dsl::pod! {
        name: "web",
        volumes: [ { name: "data", emptyDir: {} }, { name: "data", secret: { secretName: "data" } } ],
        containers: [ { name: "app", image: "nginx:1.27" } ],
    };
}
