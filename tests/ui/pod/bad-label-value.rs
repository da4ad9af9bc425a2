fn main() {
    let _pod = k8s_dsl::pod! {
        name: "web",
        labels: { tier: "front end" },
        containers: [ { name: "app", image: "nginx:1.27" } ],
    };
}
