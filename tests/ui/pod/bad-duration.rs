fn main() {
    let _pod = k8s_dsl::pod! {
        name: "web",
        terminationGracePeriodSeconds: 30sec,
        containers: [ { name: "app", image: "nginx:1.27" } ],
    };
}
