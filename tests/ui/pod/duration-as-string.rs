fn main() {
    let _pod = k8s_dsl::pod! {
        name: "web",
        terminationGracePeriodSeconds: "30s",
        containers: [ { name: "app", image: "nginx:1.27" } ],
    };
}
