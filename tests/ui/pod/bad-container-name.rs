fn main() {
    let _pod = k8s_dsl::pod! {
        name: "web",
        containers: [ { name: "my.app", image: "nginx:1.27" } ],
    };
}
