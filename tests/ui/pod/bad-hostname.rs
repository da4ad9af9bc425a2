fn main() {
    let _pod = k8s_dsl::pod! {
        name: "web",
        hostname: "web.internal",
        containers: [ { name: "app", image: "nginx:1.27" } ],
    };
}
