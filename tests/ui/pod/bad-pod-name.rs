fn main() {
    let _pod = k8s_dsl::pod! {
        name: "Web_Server",
        containers: [ { name: "app", image: "nginx:1.27" } ],
    };
}
